import { Controller, Param, Res } from '@nestjs/common';
import {
  routes,
  type ExportFormat,
  type SessionSummary,
  uuidSchema,
  type CreatedSession,
  type CreateSession,
  type Facilitator,
  type FacilitatorSession,
} from '@candor/shared';
import { AuditService } from '../accounts/audit.service.js';
import { CurrentFacilitator } from '../accounts/auth.guard.js';
import { BodyOf, QueryOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import type { Response } from 'express';
import { SessionLifecycleService } from './session-lifecycle.service.js';
import { exportFileName, summaryToCsv, summaryToMarkdown } from './summary-export.js';

@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionLifecycleService,
    private readonly audit: AuditService,
  ) {}

  @Route(routes.createSession)
  create(
    @CurrentFacilitator() facilitator: Facilitator,
    @BodyOf(routes.createSession) body: CreateSession,
  ): Promise<CreatedSession> {
    return this.sessions.create(facilitator.id, body);
  }

  @Route(routes.listSessions)
  async list(@CurrentFacilitator() facilitator: Facilitator): Promise<{ sessions: FacilitatorSession[] }> {
    return { sessions: await this.sessions.listVisibleTo(facilitator.id) };
  }

  @Route(routes.getSession)
  get(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
  ): Promise<FacilitatorSession> {
    return this.sessions.getFor(facilitator.id, id);
  }

  // Deletes the session with everything in it: answers, seats, texts and results.
  @Route(routes.deleteSession)
  async remove(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
  ): Promise<void> {
    const { state } = await this.sessions.getFor(facilitator.id, id);
    await this.sessions.remove(facilitator.id, id);
    await this.audit.record(facilitator.id, 'session-deleted', `${state.title} (${state.code})`);
  }

  @Route(routes.sessionSummary)
  summary(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
  ): Promise<SessionSummary> {
    return this.sessions.summary(facilitator.id, id);
  }

  @Route(routes.exportSession)
  async export(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
    @QueryOf(routes.exportSession, 'format') format: ExportFormat,
    @Res() res: Response,
  ): Promise<void> {
    const summary = await this.sessions.summary(facilitator.id, id);
    await this.audit.record(facilitator.id, 'session-exported', `${summary.title}, ${summary.date} (${format.toUpperCase()})`);
    res.attachment(exportFileName(summary, format));
    if (format === 'json') res.json(summary);
    else if (format === 'csv') res.type('text/csv; charset=utf-8').send(summaryToCsv(summary));
    else res.type('text/markdown; charset=utf-8').send(summaryToMarkdown(summary));
  }

  @Route(routes.screenLink)
  async screenLink(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
  ): Promise<{ screenToken: string }> {
    return { screenToken: await this.sessions.rotateScreenToken(facilitator.id, id) };
  }
}
