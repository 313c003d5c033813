#include "app/setting/comments.h"

#include "app/limits.h"
#include "app/setting/common.h"

namespace govperf::app::setting {

Result<store::IndicatorComment> AddComment(store::Store& store, const Caller& caller, int year,
                                           const std::string& indicator_id,
                                           const std::string& text) {
  GOVPERF_RETURN_IF_ERROR(CheckText("text", text, kMaxTextChars, true, true));
  auto y = LoadYear(store, year);
  if (!y.ok()) return y.status();
  GOVPERF_RETURN_IF_ERROR(RequireStage(*y, {core::Stage::kDraft, core::Stage::kSetting},
                                       "commenting on indicators", "对指标提出意见"));
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  if (FindNode(*scheme, indicator_id) == nullptr) {
    return Status::NotFound("indicator_id: no indicator '" + indicator_id + "'")
        .Field("indicator_id")
        .Zh("indicator_id：没有指标 '" + indicator_id + "'");
  }
  store::IndicatorComment c;
  c.indicator_id = indicator_id;
  c.text = text;
  GOVPERF_RETURN_IF_ERROR(store.Write(
      caller.actor(), [&](store::WriteTx& tx) { return tx.AddIndicatorComment(year, c); }));
  auto all = store.ListIndicatorComments(year);
  if (!all.ok()) return all.status();
  return all->back();
}

Result<std::vector<store::IndicatorComment>> ListComments(store::Store& store, int year,
                                                          const std::string& indicator_id) {
  GOVPERF_RETURN_IF_ERROR(LoadYear(store, year).status());
  auto all = store.ListIndicatorComments(year);
  if (!all.ok()) return all.status();
  if (indicator_id.empty()) return all;
  std::vector<store::IndicatorComment> out;
  for (auto& c : *all) {
    if (c.indicator_id == indicator_id) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace govperf::app::setting
