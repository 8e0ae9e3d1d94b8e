import type { Me, ProjectDetail } from '@shenbao/contracts';
import type { RuleContext } from '@shenbao/rules';
import type { CallPack } from '../programs/api.ts';

/** What the pack's rules bind in the browser: the applicant's own facts (when it is one), the call, the server's clock. */
export function ruleContext(me: Me, detail: ProjectDetail, pack: CallPack): RuleContext {
  const own = me.organisation.id === detail.project.applicantOrganisationId;
  const o = me.organisation;
  return {
    org: own ? { name: o.name, kind: o.kind, creditCode: o.creditCode, divisionCode: o.divisionCode, regionClass: o.regionClass } : null,
    call: { id: pack.call.id, year: pack.call.year },
    now: detail.serverTime,
  };
}
