import { User } from '../users/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Attendance } from '../meetings/attendance.entity.js';
import { Theme } from '../themes/theme.entity.js';
import { Method } from '../methods/method.entity.js';
import { Practice } from '../practices/practice.entity.js';
import { Report } from '../reports/report.entity.js';
import { Link } from '../links/link.entity.js';
import { SynonymGroup } from '../synonyms/synonym-group.entity.js';

export const entities = [User, Organization, Person, Meeting, Attendance, Theme, Method, Practice, Report, Link, SynonymGroup];
