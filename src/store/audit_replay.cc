#include "store/audit_replay.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "store/codec.h"

namespace govperf::store {
namespace {

using nlohmann::json;

constexpr int kPage = 1000;
const char* const kAbsent = "(absent)";

// The fields of a user row that writes audit (user.put, login state); the
// password hash is audited only as "changed", so it cannot be replayed.
const std::set<std::string> kUserFields = {"active",        "display_name", "role",      "unit_id",
                                           "failed_logins", "locked_until", "lock_level"};

struct Expected {
  int64_t record_id = 0;
  json state;  // an object; null = the row must not exist
};

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

json ParseObject(const std::string& text) {
  if (text.empty()) return json();
  json j = json::parse(text, nullptr, false);
  return j.is_object() ? j : json();
}

// Merges the audited fields of one record into the row's expected state.
void Merge(Expected& e, int64_t id, const json& after, const std::set<std::string>* only) {
  e.record_id = id;
  if (!e.state.is_object()) e.state = json::object();
  for (auto it = after.begin(); it != after.end(); ++it) {
    if (only == nullptr || only->count(it.key())) e.state[it.key()] = it.value();
  }
}

class Replayer {
 public:
  explicit Replayer(Store& store) : store_(store) {}

  void Read(const AuditRecord& r) {
    const std::string& a = r.action;
    const json after = ParseObject(r.after);
    if (StartsWith(r.entity, "user:")) {
      if (after.is_object()) Merge(rows_[r.entity], r.id, after, &kUserFields);
    } else if (a == "year.put" || a == "org.unit.put" || a == "org.category.put" ||
               a == "datum.put" || a == "scores.put") {
      if (after.is_object()) {
        Expected& e = rows_[r.entity];
        e.state = json();
        Merge(e, r.id, after, nullptr);
      }
    } else if (a == "year_data.save") {
      // A bulk save replaces the year's rows: single-row expectations before it
      // no longer hold, and its own rows are covered by a hash only.
      const std::string year = r.entity.substr(std::string("year_data:").size());
      for (const char* kind : {"datum:", "scores:"}) {
        const std::string prefix = kind + year + "/";
        for (auto it = rows_.lower_bound(prefix);
             it != rows_.end() && StartsWith(it->first, prefix.c_str());) {
          it = rows_.erase(it);
        }
      }
    } else if (a == "scheme.save" || a == "scheme.version") {
      const json& summary =
          a == "scheme.version" && after.contains("summary") ? after["summary"] : after;
      if (summary.is_object() && summary.contains("sha256")) {
        schemes_[r.entity.substr(0, r.entity.find('/'))] = {r.id, summary["sha256"]};
      }
    } else if (StartsWith(a, "indicator.") && a != "indicator.comment") {
      // A node edit changes the scheme without a whole-scheme hash.
      const std::string year = r.entity.substr(std::string("indicator:").size());
      schemes_.erase("scheme:" + year.substr(0, year.find('/')));
    }
  }

  Status Compare(ReplayReport& out) {
    for (const auto& [entity, e] : rows_) {
      Result<json> current = Current(entity);
      if (!current.ok()) return current.status();
      if (current->is_discarded()) continue;  // a kind this replay does not read
      ++out.rows;
      if (current->is_null()) {
        out.differences.push_back({e.record_id, entity, "", e.state.dump(), kAbsent});
        continue;
      }
      for (auto it = e.state.begin(); it != e.state.end(); ++it) {
        const json now = current->contains(it.key()) ? (*current)[it.key()] : json();
        if (now != it.value()) {
          out.differences.push_back({e.record_id, entity, it.key(), it.value().dump(),
                                     now.is_null() ? kAbsent : now.dump()});
        }
      }
    }
    for (const auto& [entity, e] : schemes_) {
      const int year = std::stoi(entity.substr(std::string("scheme:").size()));
      Result<core::Scheme> s = store_.LoadScheme(year);
      ++out.rows;
      const std::string now = s.ok() ? SchemeContentHash(*s) : kAbsent;
      if (json(now) != e.state) {
        out.differences.push_back(
            {e.record_id, entity, "sha256", e.state.dump(), json(now).dump()});
      }
    }
    return Status::Ok();
  }

 private:
  // The row as stored now, as the same JSON the audit record holds; null when
  // absent; discarded when the entity kind is not replayed.
  Result<json> Current(const std::string& entity) {
    const auto colon = entity.find(':');
    const std::string kind = entity.substr(0, colon);
    const std::string key = entity.substr(colon + 1);
    if (kind == "user") {
      Result<std::optional<User>> u = store_.FindUser(key);
      if (!u.ok()) return u.status();
      if (!u->has_value()) return json();
      json j = json::parse(UserAuditJson(**u));
      j["failed_logins"] = (*u)->failed_logins;
      j["locked_until"] = (*u)->locked_until;
      j["lock_level"] = (*u)->lock_level;
      return j;
    }
    if (kind == "year") {
      Result<std::optional<YearInfo>> y = store_.FindYear(std::stoi(key));
      if (!y.ok()) return y.status();
      if (!y->has_value()) return json();
      return json::parse(YearAuditJson(**y));
    }
    if (kind == "org_unit" || kind == "org_category") {
      if (!org_) {
        Result<Org> org = store_.LoadOrg();
        if (!org.ok()) return org.status();
        org_ = std::move(*org);
      }
      if (kind == "org_unit") {
        for (const auto& u : org_->units) {
          if (u.id == key) return json::parse(OrgUnitAuditJson(u));
        }
      } else {
        for (const auto& c : org_->categories) {
          if (c.id == key) return json::parse(OrgCategoryAuditJson(c));
        }
      }
      return json();
    }
    if (kind == "datum") {
      // year/indicator/unit/period
      const auto slash = key.find('/');
      const int year = std::stoi(key.substr(0, slash));
      Result<const std::map<std::string, json>*> values = Values(year);
      if (!values.ok()) return values.status();
      auto it = (*values)->find(key.substr(slash + 1));
      return it == (*values)->end() ? json() : it->second;
    }
    if (kind == "scores") {
      const auto slash = key.find('/');
      Result<ComponentScores> s =
          store_.LoadComponentScores(std::stoi(key.substr(0, slash)), key.substr(slash + 1));
      if (!s.ok()) return s.status();
      auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(); };
      return json{{"satisfaction", opt(s->satisfaction)},
                  {"satisfaction_se", opt(s->satisfaction_se)},
                  {"leadership", opt(s->leadership)}};
    }
    return json(json::value_t::discarded);
  }

  // The year's values as audited JSON, keyed "indicator/unit/period".
  Result<const std::map<std::string, json>*> Values(int year) {
    auto it = values_.find(year);
    if (it == values_.end()) {
      Result<core::YearData> data = store_.LoadYearData(year);
      if (!data.ok()) return data.status();
      std::map<std::string, json> rows;
      for (const core::Datum& d : data->values) {
        rows[d.indicator_id + "/" + d.unit_id + "/" + d.period] = json::parse(DatumAuditJson(d));
      }
      it = values_.emplace(year, std::move(rows)).first;
    }
    return &it->second;
  }

  Store& store_;
  std::map<std::string, Expected> rows_;
  std::map<std::string, Expected> schemes_;  // "scheme:Y" → audited content hash
  std::optional<Org> org_;
  std::map<int, std::map<std::string, json>> values_;
};

}  // namespace

Result<ReplayReport> ReplayAudit(Store& store) {
  ReplayReport report;
  Replayer replayer(store);
  int64_t after = 0;
  for (;;) {
    Result<std::vector<AuditRecord>> page = store.ListAudit(after, kPage);
    if (!page.ok()) return page.status();
    if (page->empty()) break;
    for (const AuditRecord& r : *page) {
      replayer.Read(r);
      ++report.records;
      after = r.id;
    }
  }
  GOVPERF_RETURN_IF_ERROR(replayer.Compare(report));
  return report;
}

}  // namespace govperf::store
