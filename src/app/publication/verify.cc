#include "app/publication/verify.h"

#include <cstdio>
#include <map>

#include "app/publication/publish.h"
#include "core/evaluate.h"
#include "io/result_json.h"
#include "io/scheme_json.h"
#include "store/codec.h"
#include "store/password.h"

namespace govperf::app::publication {

using nlohmann::json;

namespace {

std::string Show(const json& v) {
  if (v.is_number()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
    return buf;
  }
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// The first field of a unit row that differs: the headline fields first,
// then each leaf's points, then anything else.
std::string FirstDifference(const json& snap, const json& now) {
  const std::string who = "unit " + snap.value("unit_id", std::string("?")) + ": ";
  for (const char* key : {"total", "rank", "grade", "indicator_score", "satisfaction", "leadership",
                          "bonus", "deduction", "vetoed", "category_id"}) {
    if (snap.value(key, json()) != now.value(key, json())) {
      return who + key + " " + Show(snap.value(key, json())) + " (snapshot) ≠ " +
             Show(now.value(key, json())) + " (re-scored)";
    }
  }
  const json& a = snap["indicators"];
  const json& b = now["indicators"];
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] != b[i]) {
      for (const char* key : {"earned", "actual", "target", "status", "rule"}) {
        if (a[i].value(key, json()) != b[i].value(key, json())) {
          return who + "indicator " + a[i].value("indicator_id", std::string("?")) + " " + key +
                 " " + Show(a[i].value(key, json())) + " (snapshot) ≠ " +
                 Show(b[i].value(key, json())) + " (re-scored)";
        }
      }
      return who + "indicator " + a[i].value("indicator_id", std::string("?")) +
             " differs from the snapshot";
    }
  }
  if (a.size() != b.size()) return who + "number of indicators differs";
  return who + "differs from the snapshot (notes, adjustments)";
}

}  // namespace

Result<Verification> VerifyPublication(store::Store& store, int year) {
  const std::string ys = std::to_string(year);
  auto pub = store.FindPublication(year, true);
  if (!pub.ok()) return pub.status();
  if (!pub->has_value()) {
    return Status::NotFound("year: year " + ys + " has no publication record").Field("year");
  }
  const store::Publication& p = **pub;
  Verification v;
  auto problem = [&](std::string m) { v.problems.push_back(std::move(m)); };

  // 1. The certificate and the snapshot are what they claim to be.
  if (store::CertificateHash(p) != p.certificate_sha256) {
    problem("certificate: its hash does not match its fields (the record was altered)");
  }
  if (store::Sha256Hex(p.results) != p.results_sha256) {
    problem("results snapshot: its hash does not match the certificate");
  }
  // 2. Re-score from what is stored now and compare unit by unit.
  auto parsed = io::ParseJson(p.results, "publications.results");
  if (!parsed.ok()) return parsed.status();
  auto scored = ScoreFinal(store, year);
  if (!scored.ok()) return scored.status();
  const json now = io::ResultsSnapshotJson(scored->result, p.engine_version);
  const json& snap_units = (*parsed)["units"];
  std::map<std::string, const json*> now_units;
  for (const json& u : now["units"]) now_units[u.value("unit_id", std::string())] = &u;
  // Named first: a unit whose own total moved (where an edit landed), before
  // units whose rank or grade moved only because of it.
  size_t differing = 0;
  std::string first_total, first_other;
  for (const json& u : snap_units) {
    const std::string id = u.value("unit_id", std::string());
    auto it = now_units.find(id);
    if (it == now_units.end()) {
      if (first_other.empty()) {
        first_other =
            "unit " + id + ": in the snapshot but not re-scored (removed from the scheme)";
      }
      ++differing;
    } else if (u != *it->second) {
      ++differing;
      const bool total_moved = u.value("total", json()) != it->second->value("total", json());
      std::string& slot = total_moved ? first_total : first_other;
      if (slot.empty()) slot = FirstDifference(u, *it->second);
    }
  }
  if (!first_total.empty()) problem(first_total);
  if (!first_other.empty()) problem(first_other);
  if (snap_units.size() != now_units.size() && differing == 0) {
    problem("units: " + std::to_string(snap_units.size()) + " in the snapshot ≠ " +
            std::to_string(now_units.size()) + " re-scored");
  }
  if (differing > 1) problem(std::to_string(differing) + " units differ in all");
  // 3. The inputs the certificate covers.
  auto data = store.LoadYearData(year);
  if (!data.ok()) return data.status();
  if (store::YearDataContentHash(*data) != p.data_sha256) {
    problem("data digest changed: the stored data of year " + ys +
            " differ from what was published (a stored value was edited)");
  }
  auto prev = store.FindYear(year - 1);
  if (!prev.ok()) return prev.status();
  std::string prev_hash;
  if (prev->has_value()) {
    auto prev_data = store.LoadYearData(year - 1);
    if (!prev_data.ok()) return prev_data.status();
    prev_hash = store::YearDataContentHash(*prev_data);
  }
  if (prev_hash != p.previous_data_sha256) {
    problem("data digest changed: the data of year " + std::to_string(year - 1) +
            " (scored against) differ from what was published");
  }
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  if (store::SchemeContentHash(*scheme) != p.scheme_sha256) {
    problem("scheme changed: the stored scheme of year " + ys + " differs from the published one");
  }
  if (p.engine_version != core::kEngineVersion) {
    problem(std::string("engine version: published with ") + p.engine_version +
            ", this program is " + core::kEngineVersion);
  }
  // 4. The audit chain still holds the head the certificate names.
  if (p.audit_head_id > 0) {
    auto rec = store.ListAudit(p.audit_head_id - 1, 1);
    if (!rec.ok()) return rec.status();
    if (rec->empty() || (*rec)[0].id != p.audit_head_id || (*rec)[0].hash != p.audit_head_hash) {
      problem("audit chain: record " + std::to_string(p.audit_head_id) +
              " no longer has the hash the certificate names");
    }
  }
  v.ok = v.problems.empty();
  if (v.ok) {
    v.summary = "year " + ys + ": " + std::to_string(snap_units.size()) +
                " units match the published snapshot; certificate " +
                p.certificate_sha256.substr(0, 16) + "… verified (engine " + p.engine_version +
                ", scheme v" + std::to_string(p.scheme_version) + ")";
  } else {
    v.summary = v.problems.front();
  }
  return v;
}

}  // namespace govperf::app::publication
