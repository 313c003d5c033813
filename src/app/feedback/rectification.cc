#include "app/feedback/rectification.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/feedback/feedback_of.h"
#include "app/limits.h"
#include "app/monitoring/reports.h"

namespace govperf::app::feedback {
namespace {

// A unit acts on its own items, the office on every unit's.
Status MayActOn(const Caller& caller, const std::string& unit_id) {
  if (caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem) return Status::Ok();
  if (caller.role == core::Role::kUnit && !caller.unit_id.empty() && caller.unit_id == unit_id) {
    return Status::Ok();
  }
  return Status::Denied("unit: you may only act on your own unit's rectification")
      .Field("unit")
      .Zh("只能办理本单位的整改事项");
}

bool MayReadAll(const Caller& caller) {
  return caller.role == core::Role::kAdmin || caller.role == core::Role::kLeader ||
         caller.role == core::Role::kSystem;
}

Result<store::RectificationItem> Load(store::Store& store, int year, int64_t id) {
  auto item = store.FindRectification(year, id);
  if (!item.ok()) return item.status();
  if (!item->has_value()) {
    return Status::NotFound("id: no rectification item " + std::to_string(id) + " in " +
                            std::to_string(year))
        .Field("id")
        .Zh("id：" + std::to_string(year) + " 年度没有整改事项 " + std::to_string(id));
  }
  return std::move(**item);
}

// The item, if the caller may read it (a unit: its own; checked before the
// item's existence is revealed to another unit: NotFound and Denied look alike
// only for ids of other units, which is acceptable — ids are sequential).
Result<store::RectificationItem> Readable(store::Store& store, const Caller& caller, int year,
                                          int64_t id) {
  auto item = Load(store, year, id);
  if (!item.ok()) return item.status();
  if (!MayReadAll(caller)) GOVPERF_RETURN_IF_ERROR(MayActOn(caller, item->unit_id));
  return item;
}

Status MustBeOpen(const store::RectificationItem& item) {
  if (item.state != "open") {
    return Status::Precondition("state: item " + std::to_string(item.id) +
                                " is closed; the office reopens it first")
        .Field("state")
        .Zh("state：该整改事项已销号，需绩效办重新打开");
  }
  return Status::Ok();
}

Status CheckDeadline(const std::string& field, const std::string& deadline) {
  if (!core::monitoring::ParseDate(deadline)) {
    return Status::Invalid(field + ": '" + deadline + "' is not a date YYYY-MM-DD")
        .Field(field)
        .Zh(field + "：应为日期 YYYY-MM-DD");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<store::RectificationItem>> FilePlan(
    YearCache& years, store::Store& store, const Caller& caller, int year,
    const std::string& unit_id, const std::vector<NewRectificationItem>& items) {
  GOVPERF_RETURN_IF_ERROR(MayActOn(caller, unit_id));
  if (items.empty()) {
    return Status::Invalid("items: empty").Field("items").Zh("items：至少需要一项整改事项");
  }
  if (items.size() > kMaxListItems) return Status::Invalid("items: too many").Field("items");
  // The report says what the unit may rectify: its lost points and opinions.
  auto report = ReportOf(years, store, Caller::System(), year, unit_id);
  if (!report.ok()) return report.status();
  std::map<std::string, const core::FeedbackLostPoint*> lost;
  for (const auto& p : report->lost_points) lost[p.indicator_id] = &p;
  std::map<std::string, const core::FeedbackOpinion*> opinions;
  for (const auto& o : report->opinions) opinions[o.id] = &o;

  std::vector<store::RectificationItem> rows;
  for (size_t i = 0; i < items.size(); ++i) {
    const NewRectificationItem& in = items[i];
    const std::string at = "items[" + std::to_string(i) + "].";
    store::RectificationItem r;
    r.year = year;
    r.unit_id = unit_id;
    r.source = in.source;
    if (in.source == "indicator") {
      auto p = lost.find(in.indicator_id);
      if (p == lost.end()) {
        return Status::Invalid(at + "indicator_id: '" + in.indicator_id +
                               "' is not a lost point of " + unit_id + " in " +
                               std::to_string(year))
            .Field(at + "indicator_id")
            .Zh(at + "indicator_id：" + in.indicator_id + " 不是本单位 " + std::to_string(year) +
                " 年度的失分点");
      }
      r.indicator_id = in.indicator_id;
      r.problem = in.problem.empty()
                      ? p->second->name_zh + "失 " + core::FormatScore(p->second->lost) + " 分"
                      : in.problem;
    } else if (in.source == "opinion") {
      auto o = opinions.find(in.opinion_id);
      if (o == opinions.end()) {
        return Status::Invalid(at + "opinion_id: '" + in.opinion_id +
                               "' is not an opinion in the report")
            .Field(at + "opinion_id")
            .Zh(at + "opinion_id：反馈报告中没有该意见建议");
      }
      r.opinion_id = in.opinion_id;
      r.problem = in.problem.empty() ? o->second->text : in.problem;
    } else {
      return Status::Invalid(at + "source: must be indicator or opinion")
          .Field(at + "source")
          .Zh(at + "source：应为 indicator（失分点）或 opinion（意见建议）");
    }
    GOVPERF_RETURN_IF_ERROR(CheckText(at + "problem", r.problem, kMaxTextChars, false, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(at + "measure", in.measure, kMaxTextChars, true, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(at + "owner", in.owner, kMaxNameChars, true));
    GOVPERF_RETURN_IF_ERROR(CheckDeadline(at + "deadline", in.deadline));
    r.measure = in.measure;
    r.owner = in.owner;
    r.deadline = in.deadline;
    rows.push_back(std::move(r));
  }
  std::vector<int64_t> ids;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    for (const auto& r : rows) {
      auto id = tx.AddRectificationItem(r);
      if (!id.ok()) return id.status();
      ids.push_back(*id);
    }
    return Status::Ok();
  }));
  std::vector<store::RectificationItem> out;
  for (int64_t id : ids) {
    auto item = Load(store, year, id);
    if (!item.ok()) return item.status();
    out.push_back(std::move(*item));
  }
  return out;
}

Result<std::vector<store::RectificationItem>> ListItems(store::Store& store, const Caller& caller,
                                                        int year, const std::string& unit_filter) {
  if (MayReadAll(caller)) return store.ListRectification(year, unit_filter);
  if (caller.role != core::Role::kUnit || caller.unit_id.empty()) {
    return Status::Denied("rectification: not readable by this role").Zh("无权查看整改事项");
  }
  return store.ListRectification(year, caller.unit_id);
}

Result<store::RectificationItem> GetItem(store::Store& store, const Caller& caller, int year,
                                         int64_t id) {
  return Readable(store, caller, year, id);
}

Result<store::RectificationItem> EditItem(store::Store& store, const Caller& caller, int year,
                                          int64_t id, const ItemEdit& edit) {
  auto item = Load(store, year, id);
  if (!item.ok()) return item.status();
  GOVPERF_RETURN_IF_ERROR(MayActOn(caller, item->unit_id));
  GOVPERF_RETURN_IF_ERROR(MustBeOpen(*item));
  store::RectificationItem r = *item;
  if (edit.measure) {
    GOVPERF_RETURN_IF_ERROR(CheckText("measure", *edit.measure, kMaxTextChars, true, true));
    r.measure = *edit.measure;
  }
  if (edit.owner) {
    GOVPERF_RETURN_IF_ERROR(CheckText("owner", *edit.owner, kMaxNameChars, true));
    r.owner = *edit.owner;
  }
  if (edit.deadline) {
    GOVPERF_RETURN_IF_ERROR(CheckDeadline("deadline", *edit.deadline));
    r.deadline = *edit.deadline;
  }
  if (edit.problem) {
    GOVPERF_RETURN_IF_ERROR(CheckText("problem", *edit.problem, kMaxTextChars, false, true));
    r.problem = *edit.problem;
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    return tx.UpdateRectificationItem(r, {0, "", "", "", "edit", "", std::nullopt});
  }));
  return Load(store, year, id);
}

Result<store::RectificationItem> ReportProgress(store::Store& store, const Caller& caller, int year,
                                                int64_t id, const std::string& text, int percent,
                                                const std::vector<EvidencePick>& evidence) {
  auto item = Load(store, year, id);
  if (!item.ok()) return item.status();
  GOVPERF_RETURN_IF_ERROR(MayActOn(caller, item->unit_id));
  GOVPERF_RETURN_IF_ERROR(MustBeOpen(*item));
  GOVPERF_RETURN_IF_ERROR(CheckText("text", text, kMaxTextChars, true, true));
  if (percent < item->progress || percent > 100) {
    return Status::Invalid("progress: must be " + std::to_string(item->progress) +
                           "..100 (not below the last report)")
        .Field("progress")
        .Zh("progress：应在 " + std::to_string(item->progress) + "–100 之间（不低于上次报告）");
  }
  // Files the unit may reuse: those on its own monitoring reports of the
  // year, and those already on this item. The hash alone opens nothing.
  std::map<std::string, std::string> reusable;  // sha256 → file name
  if (!evidence.empty()) {
    auto reports = store.ListReports(year);
    if (!reports.ok()) return reports.status();
    for (const auto& rep : *reports) {
      if (rep.unit_id != item->unit_id) continue;
      for (const auto& e : rep.evidence) reusable.emplace(e.sha256, e.file_name);
    }
    for (const auto& e : item->evidence) reusable[e.sha256] = e.file_name;
  }
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (!reusable.count(evidence[i].sha256)) {
      const std::string f = "evidence[" + std::to_string(i) + "].sha256";
      return Status::NotFound(f + ": not a file of this unit's monitoring reports or of this item")
          .Field(f)
          .Zh(f + "：不是本单位监测报送或本整改事项的佐证材料");
    }
  }
  store::RectificationItem r = *item;
  r.progress = percent;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(
        tx.UpdateRectificationItem(r, {0, "", "", "", "progress", text, percent}));
    for (const EvidencePick& e : evidence) {
      store::RectificationEvidence ref;
      ref.sha256 = e.sha256;
      ref.file_name = e.file_name.empty() ? reusable.at(e.sha256) : e.file_name;
      GOVPERF_RETURN_IF_ERROR(tx.AttachRectificationEvidence(year, id, ref));
    }
    return Status::Ok();
  }));
  return Load(store, year, id);
}

Result<store::RectificationEvidence> AddItemEvidence(store::Store& store, const Caller& caller,
                                                     int year, int64_t id,
                                                     const std::string& file_name,
                                                     const std::string& bytes) {
  GOVPERF_RETURN_IF_ERROR(CheckText("name", file_name, kMaxNameChars, true));
  if (file_name.find_first_of("/\\") != std::string::npos) {
    return Status::Invalid("name: a file name without folders").Field("name");
  }
  auto item = Load(store, year, id);
  if (!item.ok()) return item.status();
  GOVPERF_RETURN_IF_ERROR(MayActOn(caller, item->unit_id));
  GOVPERF_RETURN_IF_ERROR(MustBeOpen(*item));
  if (bytes.empty()) return Status::Invalid("file: empty").Field("file").Zh("file：文件为空");
  if (bytes.size() > monitoring::kMaxEvidenceBytes) {
    return Status::Invalid("file: larger than 10 MiB").Field("file").Zh("file：文件超过 10 MiB");
  }
  auto type = monitoring::DetectEvidenceType(bytes);
  if (!type) {
    return Status::Invalid(
               "file: not an accepted type (PDF, PNG, JPEG, docx, xlsx, pptx, doc, xls) by its "
               "content")
        .Field("file")
        .Zh("file：按文件内容判断，不是允许的类型（PDF、PNG、JPEG、docx、xlsx、pptx、doc、xls）");
  }
  store::EvidenceFile f{"", *type, bytes};
  store::RectificationEvidence ref;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
    ref.sha256 = f.sha256;
    ref.file_name = file_name;
    ref.content_type = f.content_type;
    ref.size = static_cast<int64_t>(bytes.size());
    ref.added_by = caller.username;
    return tx.AttachRectificationEvidence(year, id, ref);
  }));
  return ref;
}

Result<std::pair<store::EvidenceFile, std::string>> GetItemEvidence(store::Store& store,
                                                                    const Caller& caller, int year,
                                                                    int64_t id,
                                                                    const std::string& sha256) {
  auto item = Readable(store, caller, year, id);
  if (!item.ok()) return item.status();
  for (const auto& e : item->evidence) {
    if (e.sha256 != sha256) continue;
    auto f = store.LoadEvidence(sha256);
    if (!f.ok()) return f.status();
    return std::make_pair(std::move(*f), e.file_name);
  }
  return Status::NotFound("sha256: the item has no such file").Field("sha256");
}

namespace {
Result<store::RectificationItem> Decide(store::Store& store, const Caller& caller, int year,
                                        int64_t id, const std::string& note, bool close) {
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Status::Denied("only the performance office closes or reopens items")
        .Zh("只有绩效办可以销号或重新打开整改事项");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("note", note, kMaxTextChars, true, true));
  auto item = Load(store, year, id);
  if (!item.ok()) return item.status();
  if ((item->state == "closed") == close) {
    return Status::Precondition(std::string("state: item ") + std::to_string(id) + " is already " +
                                item->state)
        .Field("state")
        .Zh(close ? "state：该整改事项已销号" : "state：该整改事项未销号");
  }
  store::RectificationItem r = *item;
  r.state = close ? "closed" : "open";
  r.note = note;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    return tx.UpdateRectificationItem(
        r, {0, "", "", "", close ? "close" : "reopen", note, std::nullopt});
  }));
  return Load(store, year, id);
}
}  // namespace

Result<store::RectificationItem> CloseItem(store::Store& store, const Caller& caller, int year,
                                           int64_t id, const std::string& note) {
  return Decide(store, caller, year, id, note, true);
}

Result<store::RectificationItem> ReopenItem(store::Store& store, const Caller& caller, int year,
                                            int64_t id, const std::string& note) {
  return Decide(store, caller, year, id, note, false);
}

Result<ClosureRates> ClosureRatesOf(YearCache& years, store::Store& store, const Caller& caller,
                                    int year, const core::monitoring::Date& today) {
  if (!MayReadAll(caller)) {
    return Status::Denied("closure rates: the office and leaders only")
        .Zh("整改完成率仅绩效办和领导可查看");
  }
  auto items = store.ListRectification(year, "");
  if (!items.ok()) return items.status();
  ClosureRates out;
  out.year = year;
  out.today = core::monitoring::FormatDate(today);
  std::map<std::string, ClosureRate> by_unit;
  for (const auto& it : *items) {
    ClosureRate& u = by_unit[it.unit_id];
    u.unit_id = it.unit_id;
    ++u.total;
    if (it.state == "closed") {
      ++u.closed;
    } else {
      ++u.open;
      auto d = core::monitoring::ParseDate(it.deadline);
      if (d && *d < today) ++u.overdue;
    }
  }
  auto scheme = years.Scheme(year);
  for (auto& [id, u] : by_unit) {
    u.rate = u.total ? static_cast<double>(u.closed) / u.total : 0;
    if (scheme.ok()) {
      for (const core::Unit& unit : (*scheme)->units) {
        if (unit.id == id) {
          u.name_zh = unit.name_zh;
          u.name_en = unit.name_en;
        }
      }
    }
    out.total += u.total;
    out.closed += u.closed;
    out.units.push_back(u);
  }
  std::stable_sort(out.units.begin(), out.units.end(),
                   [](const ClosureRate& a, const ClosureRate& b) { return a.rate < b.rate; });
  out.rate = out.total ? static_cast<double>(out.closed) / out.total : 0;
  return out;
}

}  // namespace govperf::app::feedback
