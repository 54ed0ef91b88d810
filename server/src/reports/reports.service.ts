import type { DataSource, Repository } from 'typeorm';
import { Role } from '@atelier/shared';
import { Report } from './report.entity.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { notFound } from '../common/errors.js';

export class ReportsService {
  private readonly reports: Repository<Report>;

  constructor(dataSource: DataSource) {
    this.reports = dataSource.getRepository(Report);
  }

  async get(actor: Actor | null, id: string): Promise<Report> {
    requireRole(actor, Role.VIEWER);
    const report = await this.reports.findOneBy({ id });
    if (!report) throw notFound('Report');
    return report;
  }

  async getByDocumentName(documentName: string): Promise<Report | null> {
    return this.reports.findOneBy({ documentName });
  }
}
