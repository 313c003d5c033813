// Targets by negotiation (目标值协商), in the setting stage:
//
//   (none) ──propose──▶ proposed ──accept──▶ agreed
//                          │ counter (unit, with reason)
//                          ▼
//                       countered ──accept_counter (lead)──▶ agreed
//                          │  └──keep (lead, with reason)──▶ decided ──escalate (unit)──┐
//                          └──escalate (unit or lead)──▶ escalated ◀────────────────────┘
//                                         └──decide (admin)──▶ decided
//
// The lead department (牵头考核单位) proposes for the indicators it leads; the
// assessed unit answers for its own targets only; a lead department never
// settles a dispute over its own unit's target (conflict of interest: the
// office decides). Every step is kept as history; an agreed or decided
// target becomes the scheme's target. docs/design/workflow.md has the table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app::setting {

struct TargetProposal {
  std::string indicator_id;
  std::string unit_id;
  std::optional<double> value;
  std::string reason;
};
// One or many proposals in one transaction; errors name items[i].field.
Result<std::vector<store::TargetNegotiation>> ProposeTargets(
    store::Store& store, const Caller& caller, int year, const std::vector<TargetProposal>& items);

struct TargetStep {
  std::string indicator_id;
  std::string unit_id;
  std::string action;  // accept | counter | accept_counter | keep | escalate | decide
  std::optional<double> value;
  std::string reason;
};
Result<store::TargetNegotiation> TakeTargetStep(store::Store& store, const Caller& caller, int year,
                                                const TargetStep& step);

// One (leaf, unit) pair of the year: its negotiation (state "unset" when
// nothing was proposed and the scheme has no target, "set" when the scheme
// has one from its import), and whose move it is.
struct TargetRow {
  store::TargetNegotiation negotiation;
  std::string indicator_name_zh;
  std::string indicator_name_en;
  std::string lead_unit_id;
  std::optional<double> scheme_target;  // the target in force
  std::string awaits;                   // lead | unit | admin | "" (settled)
  bool awaiting_me = false;
};
struct TargetFilter {
  std::string indicator_id;
  std::string unit_id;
  bool awaiting_me = false;  // only what awaits the caller (待我处理)
};
// The pairs the caller may see: admin and leader all; a lead department the
// indicators it leads and its own unit's targets; a unit its own targets.
// Pairs are the leaves whose method needs a target, and any pair with a
// negotiation or a scheme target, for every unit the leaf applies to.
Result<std::vector<TargetRow>> ListTargets(store::Store& store, const Caller& caller, int year,
                                           const TargetFilter& filter);

// The pairs that keep a scheme from being published: every needed pair that
// is neither agreed, decided nor set by the scheme ("1.1.1/D01 (countered)").
Result<std::vector<std::string>> OpenTargets(store::Store& store, int year);

}  // namespace govperf::app::setting
