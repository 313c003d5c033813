#include "app/publication/publish.h"

#include "app/publication/appeals.h"
#include "app/publication/approval.h"
#include "core/evaluate.h"
#include "io/result_json.h"
#include "io/scheme_json.h"
#include "store/scoring_input.h"

namespace govperf::app::publication {

namespace cm = core::monitoring;

Result<Scored> ScoreFinal(store::Store& store, int year) {
  Scored out;
  auto version = store.DataVersion(year);
  if (!version.ok()) return version.status();
  out.data_version = *version;
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  auto data = store::LoadYearDataForScoring(store, year);
  if (!data.ok()) return data.status();
  core::EvaluateOptions options;
  options.provisional = false;  // as published: a missing year-end value scores 0
  auto result = core::Evaluate(*scheme, *data, options);
  if (!result.ok()) return result.status();
  out.result = std::move(*result);
  return out;
}

Result<store::Publication> Publish(store::Store& store, const Caller& caller, int year,
                                   const Date& today, const std::string& published_at) {
  const std::string ys = std::to_string(year);
  auto found = store.FindYear(year);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("year: unknown year " + ys).Field("year");
  store::YearInfo info = **found;
  if (info.stage != core::Stage::kPreliminary) {
    return Status(Code::kFailedPrecondition, "to: year " + ys + " is in stage " +
                                                 core::StageName(info.stage) +
                                                 ": only a year in 公示 (preliminary) is published")
        .Field("to")
        .Zh(ys + " 年度处于「" + core::StageNameZh(info.stage) +
            "」阶段，只有公示中的年度可以发布");
  }
  auto window = LatestWindow(store, year);
  if (!window.ok()) return window.status();
  if (!window->has_value()) {
    return Status(Code::kFailedPrecondition, "to: year " + ys + " has no 公示 window")
        .Field("to")
        .Zh(ys + " 年度没有公示期记录，不能发布");
  }
  if (cm::FormatDate(today) <= (*window)->end_date) {
    return Status(Code::kFailedPrecondition,
                  "to: the 公示 window is open until " + (*window)->end_date)
        .Field("to")
        .Zh("公示期至 " + (*window)->end_date + " 结束，期满前不能发布");
  }
  auto undecided = UndecidedAppeals(store, year);
  if (!undecided.ok()) return undecided.status();
  if (*undecided > 0) {
    const std::string n = std::to_string(*undecided);
    return Status(Code::kFailedPrecondition, "to: " + n + " appeal(s) await a decision")
        .Field("to")
        .Zh("还有 " + n + " 件申诉未决定，不能发布");
  }
  auto approval = CurrentApproval(store, year);
  if (!approval.ok()) return approval.status();
  if (!approval->has_value()) {
    return Status(Code::kFailedPrecondition,
                  "to: the evaluation committee's approval (评估委员会审定) is not recorded yet")
        .Field("to")
        .Zh("尚未记录评估委员会审定，不能发布");
  }
  // Scored outside the transaction (a province year takes seconds); the
  // store refuses the record when the data moved meanwhile, and we score again.
  for (int attempt = 0;; ++attempt) {
    auto scored = ScoreFinal(store, year);
    if (!scored.ok()) return scored.status();
    store::Publication p;
    p.year = year;
    p.data_version = scored->data_version;
    p.engine_version = core::kEngineVersion;
    p.results = io::ResultsSnapshotText(scored->result, core::kEngineVersion);
    store::YearInfo next = info;
    next.stage = core::Stage::kPublished;
    next.published_at = published_at;
    Status st = store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
      GOVPERF_RETURN_IF_ERROR(tx.AddPublication(p));  // while still preliminary
      return tx.PutYear(next);
    });
    if (st.ok()) {
      p.results.clear();
      return p;
    }
    if (st.field() != "data_version" || attempt >= 2) return st;
  }
}

Result<PublicationState> StateOf(store::Store& store, int year, const Date& today) {
  PublicationState s;
  auto found = store.FindYear(year);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
  }
  s.info = **found;
  auto window = LatestWindow(store, year);
  if (!window.ok()) return window.status();
  s.window = *window;
  s.window_open =
      s.window && s.info.stage == core::Stage::kPreliminary && WindowOpen(*s.window, today);
  auto approval = CurrentApproval(store, year);
  if (!approval.ok()) return approval.status();
  s.approval = *approval;
  auto pub = store.FindPublication(year, false);
  if (!pub.ok()) return pub.status();
  s.publication = *pub;
  return s;
}

Result<std::optional<core::YearResult>> PublishedResult(store::Store& store, int year) {
  auto pub = store.FindPublication(year, true);
  if (!pub.ok()) return pub.status();
  if (!pub->has_value()) return std::optional<core::YearResult>();
  auto parsed = io::ParseJson((*pub)->results, "publications.results");
  if (!parsed.ok()) return parsed.status();
  auto result = io::ResultsFromSnapshot(*parsed);
  if (!result.ok()) return result.status();
  return std::optional<core::YearResult>(std::move(*result));
}

}  // namespace govperf::app::publication
