// The change log of a year's data versions (migration 0007): written by every
// version bump, read by the results service to replay single changes.
#include <string>

#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

// Versions kept per year. A cache further behind than this reloads the year,
// which it would do anyway after that many changes.
constexpr int64_t kKeptVersions = 4096;

}  // namespace

// One statement per bump: the row says what changed from the start (a write
// that fails later rolls the whole transaction back, row included).
Status SqliteStore::LogChange(int year, const ChangeNote& change) {
  {
    GOVPERF_ASSIGN_STMT(
        ins, db_->Prepare("INSERT INTO year_changes (year, version, kind, indicator_id, unit_id, "
                          "period) SELECT year, data_version, ?, ?, ?, ? FROM years WHERE year = "
                          "? AND true ON CONFLICT (year, version) DO UPDATE SET kind = "
                          "excluded.kind, indicator_id = excluded.indicator_id, unit_id = "
                          "excluded.unit_id, period = excluded.period"));
    ins.Bind(1, std::string(change.kind)).Bind(2, change.indicator_id).Bind(3, change.unit_id);
    ins.Bind(4, change.period).Bind(5, year);
    GOVPERF_RETURN_IF_ERROR(ins.Run());
  }
  GOVPERF_ASSIGN_STMT(prune,
                      db_->Prepare("DELETE FROM year_changes WHERE year = ? AND version <= (SELECT "
                                   "data_version FROM years WHERE year = ?) - ?"));
  prune.Bind(1, year).Bind(2, year).Bind(3, kKeptVersions);
  return prune.Run();
}

Result<YearChanges> SqliteStore::YearChangesSince(int year, int64_t since, int64_t limit) {
  std::lock_guard<std::mutex> lock(mu_);
  YearChanges out;
  Status st = db_->ReadTxn([&]() -> Status {
    {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT data_version FROM years WHERE year = ?"));
      q.Bind(1, year);
      GOVPERF_STEP(row, q);
      if (!row) {
        return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
      }
      out.version = q.Int(0);
    }
    if (since > out.version || out.version - since > limit) return Status::Ok();  // not covered
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT version, kind, indicator_id, unit_id, period FROM "
                                        "year_changes WHERE year = ? AND version > ? AND "
                                        "version <= ? ORDER BY version"));
    q.Bind(1, year).Bind(2, since).Bind(3, out.version);
    int64_t expect = since + 1;
    bool adjustments = false;
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      const std::string kind = q.Text(1);
      // A gap (versions from before the log existed, or pruned) or a bulk change.
      if (q.Int(0) != expect++ || kind == "all") {
        out.changes.clear();
        return Status::Ok();
      }
      YearChange c;
      c.version = q.Int(0);
      c.indicator_id = q.Text(2);
      c.unit_id = q.Text(3);
      c.period = q.Text(4);
      if (kind == "datum") {
        c.kind = YearChange::Kind::kDatum;
      } else if (kind == "scores") {
        c.kind = YearChange::Kind::kScores;
      } else if (kind == "inputs") {
        c.kind = YearChange::Kind::kInputs;
      } else {
        c.kind = YearChange::Kind::kAdjustments;
        adjustments = true;
      }
      out.changes.push_back(std::move(c));
    }
    if (expect != out.version + 1) {
      out.changes.clear();
      return Status::Ok();
    }
    // Each item's state now, in this snapshot.
    for (YearChange& c : out.changes) {
      if (c.kind == YearChange::Kind::kDatum) {
        GOVPERF_ASSIGN_STMT(
            d, db_->Prepare("SELECT value, no_data, entered_by, approved_by, note FROM "
                            "data_values WHERE year = ? AND indicator_id = ? AND unit_id = ? AND "
                            "period = ?"));
        d.Bind(1, year).Bind(2, c.indicator_id).Bind(3, c.unit_id).Bind(4, c.period);
        GOVPERF_STEP(found, d);
        if (found) {
          c.datum = core::Datum{c.indicator_id, c.unit_id, c.period,  d.OptReal(0),
                                d.Int(1) != 0,  d.Text(2), d.Text(3), d.Text(4)};
        }
      } else if (c.kind == YearChange::Kind::kScores) {
        GOVPERF_ASSIGN_STMT(d,
                            db_->Prepare("SELECT satisfaction, satisfaction_se, leadership "
                                         "FROM component_scores WHERE year = ? AND unit_id = ?"));
        d.Bind(1, year).Bind(2, c.unit_id);
        GOVPERF_STEP(found, d);
        c.scores.unit_id = c.unit_id;
        if (found) {
          c.scores.satisfaction = d.OptReal(0);
          c.scores.satisfaction_se = d.OptReal(1);
          c.scores.leadership = d.OptReal(2);
        }
      } else if (c.kind == YearChange::Kind::kInputs) {
        GOVPERF_ASSIGN_STMT(
            d, db_->Prepare("SELECT name, value FROM unit_inputs WHERE year = ? AND unit_id = ?"));
        d.Bind(1, year).Bind(2, c.unit_id);
        for (;;) {
          GOVPERF_STEP(row, d);
          if (!row) break;
          c.inputs[d.Text(0)] = d.Real(1);
        }
      }
    }
    if (adjustments) {
      Result<std::vector<core::Adjustment>> all = LoadAdjustmentsLocked(year);
      if (!all.ok()) return all.status();
      out.adjustments = std::move(all).value();
    }
    out.covered = true;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace govperf::store::sqlite
