import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../graphql/use-query';
import { SetAttendancesMutation, UpdateMeetingMutation } from '../graphql/operations';
import { ErrorMessage } from '../components/states';

interface Meeting {
  id: string;
  date: string;
  location?: string | null;
  attendances: { status: string; person: { name: string }; organization?: { name: string } | null }[];
}

const toLines = (meeting: Meeting, status: string) =>
  meeting.attendances.filter((a) => a.status === status).map((a) => (a.organization ? `${a.person.name} (${a.organization.name})` : a.person.name)).join('\n');

function parseLines(text: string, status: 'PRESENT' | 'EXCUSED') {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(line);
    return { personName: match ? match[1] : line, organizationName: match ? match[2] : null, status };
  });
}

/** Date, place and who was there, edited as fields beside the text and written to the graph. */
export function MeetingHeader({ meeting, canWrite, onSaved }: { meeting: Meeting; canWrite: boolean; onSaved(): void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(meeting.date);
  const [location, setLocation] = useState(meeting.location ?? '');
  const [present, setPresent] = useState(toLines(meeting, 'PRESENT'));
  const [excused, setExcused] = useState(toLines(meeting, 'EXCUSED'));
  const update = useMutation(UpdateMeetingMutation);
  const attendances = useMutation(SetAttendancesMutation);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const first = await update.run({ id: meeting.id, input: { date, location } });
    const second = first && (await attendances.run({ input: { meetingId: meeting.id, attendances: [...parseLines(present, 'PRESENT'), ...parseLines(excused, 'EXCUSED')] } }));
    if (second) {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form className="meeting-header card" onSubmit={submit} aria-labelledby="meeting-header-title">
      <h2 id="meeting-header-title">{t('editor.header')}</h2>
      <fieldset disabled={!canWrite}>
        <label className="field"><span>{t('editor.date')}</span><input type="date" required value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <label className="field"><span>{t('editor.location')}</span><input value={location} onChange={(e) => setLocation(e.target.value)} /></label>
        <label className="field"><span>{t('editor.present')}</span><textarea rows={6} value={present} onChange={(e) => setPresent(e.target.value)} aria-describedby="attendees-hint" /></label>
        <label className="field"><span>{t('editor.excused')}</span><textarea rows={3} value={excused} onChange={(e) => setExcused(e.target.value)} aria-describedby="attendees-hint" /></label>
        <p id="attendees-hint" className="muted">{t('editor.attendeesHint')}</p>
        {canWrite && <button type="submit" className="button button--secondary" disabled={update.pending || attendances.pending}>{t('editor.saveHeader')}</button>}
      </fieldset>
      {(update.error ?? attendances.error) && <ErrorMessage error={(update.error ?? attendances.error)!} />}
      {saved && <p className="notice" role="status">{t('admin.saved')}</p>}
    </form>
  );
}
