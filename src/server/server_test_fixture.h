// Test helpers for the server tests: a real SQLite store in a temp directory,
// seeded through the Store API with a tiny hand-made city, and an App on top.
// Header-only; included by *_test.cc files only.
//
// The city (years 2024 published, 2025 in progress):
//   C1 districts:   D01, D02 — leaves 1.1.1 (completion_ratio, 10 pts, lead B01)
//                              and 1.1.2 (rank_in_category, 5 pts, lead B02)
//   C2 departments: B01, B02 — leaf 2.1.1 (completion_ratio, 10 pts, lead B02)
// Users: admin, leader, lead_b01 (lead, B01), unit_d01 (unit, D01), all with
// password kPassword hashed by real argon2id.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "io/xlsx_write.h"
#include "server/app.h"
#include "server/server.h"
#include "store/password.h"
#include "store/store.h"
#include "store/store_testing.h"
#include "store/survey_journal.h"

namespace govperf::server::testing {

inline constexpr const char* kPassword = "correct horse 42";

inline core::Scheme TinyScheme(int year) {
  core::Scheme s;
  s.year = year;
  std::vector<core::GradeLevel> grades = {
      {"excellent", "优秀", "Excellent", 90, 0.5},
      {"good", "良好", "Good", 80, std::nullopt},
      {"qualified", "合格", "Qualified", 60, std::nullopt},
      {"unqualified", "不合格", "Unqualified", 0, std::nullopt},
  };
  core::Category c1{"C1", "区县", "Districts", core::UnitKind::kDistrict, {}, grades};
  core::Category c2{"C2", "市直部门", "Departments", core::UnitKind::kDepartment, {}, grades};
  s.categories = {c1, c2};
  s.units = {
      {"D01", "东区", "East District", "C1", "", core::UnitKind::kDistrict},
      {"D02", "西区", "West District", "C1", "", core::UnitKind::kDistrict},
      {"B01", "发展改革委", "Development and Reform Commission", "C2", "",
       core::UnitKind::kDepartment},
      {"B02", "统计局", "Statistics Bureau", "C2", "", core::UnitKind::kDepartment},
  };
  auto node = [](std::string id, std::string parent, int level, std::string zh, std::string en) {
    core::Indicator i;
    i.id = std::move(id);
    i.parent_id = std::move(parent);
    i.level = level;
    i.name_zh = std::move(zh);
    i.name_en = std::move(en);
    return i;
  };
  auto leaf = [&](std::string id, std::string parent, std::string zh, std::string en, double points,
                  std::string method, std::string lead, std::string category) {
    core::Indicator i = node(std::move(id), std::move(parent), 3, std::move(zh), std::move(en));
    i.points = points;
    i.method = std::move(method);
    i.lead_unit_id = std::move(lead);
    i.category_ids = {std::move(category)};
    i.unit_of_measure = "%";
    return i;
  };
  s.indicators = {
      node("1", "", 1, "经济发展", "Economy"),
      node("1.1", "1", 2, "增长", "Growth"),
      leaf("1.1.1", "1.1", "投资完成率", "Investment completion", 10, "completion_ratio", "B01",
           "C1"),
      leaf("1.1.2", "1.1", "增速排名", "Growth rank", 5, "rank_in_category", "B02", "C1"),
      node("2", "", 1, "公共服务", "Public service"),
      node("2.1", "2", 2, "办事效率", "Efficiency"),
      leaf("2.1.1", "2.1", "网办率", "Online service rate", 10, "completion_ratio", "B02", "C2"),
  };
  s.targets = {{{"1.1.1", "D01"}, 10},
               {{"1.1.1", "D02"}, 10},
               {{"2.1.1", "B01"}, 100},
               {{"2.1.1", "B02"}, 100}};
  return s;
}

inline core::YearData TinyData(int year) {
  const std::string y = std::to_string(year);
  core::YearData d;
  auto v = [&](std::string ind, std::string unit, std::string period, double value) {
    core::Datum x;
    x.indicator_id = std::move(ind);
    x.unit_id = std::move(unit);
    x.period = std::move(period);
    x.value = value;
    x.entered_by = "system";
    return x;
  };
  d.values = {v("1.1.1", "D01", y, 9),         v("1.1.1", "D02", y, 8),
              v("1.1.2", "D01", y, 5),         v("1.1.2", "D02", y, 7),
              v("2.1.1", "B01", y, 90),        v("2.1.1", "B02", y, 100),
              v("1.1.1", "D01", y + "-01", 1), v("1.1.1", "D01", y + "-02", 2.5)};
  for (const char* u : {"D01", "D02", "B01", "B02"}) {
    d.satisfaction[u] = 80;
    d.leadership[u] = 90;
  }
  return d;
}

// argon2id takes ~70 ms: hash once per test binary.
inline const std::string& PasswordHash() {
  static const std::string kHash = [] {
    auto h = store::HashPassword(kPassword);
    return h.ok() ? *h : std::string();
  }();
  return kHash;
}

inline Request MakeRequest(const std::string& method, const std::string& target,
                           const std::string& body = "", const std::string& token = "",
                           const std::string& lang = "") {
  Request r;
  r.method = method;
  r.target = target;
  r.body = body;
  if (!token.empty()) r.authorization = "Bearer " + token;
  r.accept_language = lang;
  return r;
}

// The real transport serving `app` on 127.0.0.1 (a free port) in its own
// thread, from construction until destruction (which stops it and expects
// Run() to have returned ok): the loopback tests' server.
class LoopbackServer {
 public:
  explicit LoopbackServer(App& app) {
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.log = [](const std::string&) {};
    app.ConfigureTransport(options);
    server_ = std::make_unique<Server>(options, [&app](const Request& r) { return app.Handle(r); });
    if (Status st = server_->Listen(); !st.ok()) throw std::runtime_error(st.ToString());
    thread_ = std::thread([this] { run_status_ = server_->Run(); });
  }
  ~LoopbackServer() {
    server_->Stop();
    thread_.join();
    EXPECT_TRUE(run_status_.ok()) << run_status_.ToString();
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  uint16_t port() const { return server_->port(); }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status run_status_;
};

class TestCity {
 public:
  explicit TestCity(AppOptions options = {}) {
    auto opened = store::OpenSqliteStore(dir_.File("city.db"), clock_);
    if (!opened.ok()) throw std::runtime_error(opened.status().ToString());
    store_ = std::move(opened).value();
    Seed();
    // 社会评价 submissions go through a response journal on the same file.
    if (options.survey_journal == nullptr) {
      auto journal = store::OpenSqliteSurveyJournal(dir_.File("city.db"), clock_);
      if (!journal.ok()) throw std::runtime_error(journal.status().ToString());
      journal_ = std::move(journal).value();
      options.survey_journal = journal_.get();
    }
    app_ = std::make_unique<App>(*store_, clock_, std::move(options));
  }

  App& app() { return *app_; }
  store::Store& store() { return *store_; }
  store::testing::FakeClock& clock() { return clock_; }
  const store::testing::TempDir& dir() const { return dir_; }

  // A fresh session for `username`, made through the store (fast: no argon2).
  std::string TokenFor(const std::string& username) {
    const std::string token = store::NewToken();
    store::Session s{store::Sha256Hex(token), username, clock_.NowUnix(),
                     clock_.NowUnix() + kDefaultSessionHours * 3600};
    Check(store_->CreateSession({username}, s));
    return token;
  }

  Response Call(const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& token = "", const std::string& lang = "") {
    return Settled(app_->Handle(MakeRequest(method, target, body, token, lang)));
  }

 private:
  static void Check(const Status& st) {
    if (!st.ok()) throw std::runtime_error(st.ToString());
  }
  void Seed() {
    const store::Actor sys{"system"};
    for (int year : {2024, 2025}) {
      Check(store_->SaveScheme(sys, TinyScheme(year)));
      Check(store_->SaveYearData(sys, year, TinyData(year)));
    }
    Check(store_->PutYear(sys, {2024, core::Stage::kPublished, "2025-03-01T00:00:00Z", 0}));
    Check(store_->PutYear(sys, {2025, core::Stage::kMonitoring, "", 0}));
    // The organisation registry holds the units of the newest scheme.
    const core::Scheme latest = TinyScheme(2025);
    Check(store_->Write(sys, [&](store::WriteTx& tx) {
      for (const auto& c : latest.categories) {
        GOVPERF_RETURN_IF_ERROR(tx.PutOrgCategory({c.id, c.name_zh, c.name_en, c.kind, false}));
      }
      for (const auto& u : latest.units) {
        GOVPERF_RETURN_IF_ERROR(
            tx.PutOrgUnit({u.id, u.name_zh, u.name_en, u.category_id, u.parent_id, u.kind, false}));
      }
      return Status::Ok();
    }));
    auto user = [&](std::string name, core::Role role, std::string unit) {
      store::User u;
      u.username = name;
      u.display_name = "User " + name;
      u.role = role;
      u.unit_id = std::move(unit);
      u.password_hash = PasswordHash();
      Check(store_->PutUser(sys, u));
    };
    user("admin", store::kRoleAdmin, "");
    user("leader", store::kRoleLeader, "");
    user("lead_b01", store::kRoleLead, "B01");
    user("unit_d01", store::kRoleUnit, "D01");
    user("expert1", store::kRoleExpert, "");
  }

  store::testing::TempDir dir_;
  store::testing::FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::SurveyJournal> journal_;
  std::unique_ptr<App> app_;
};

inline Json Body(const Response& r) {
  return Json::parse(r.body, nullptr, /*allow_exceptions=*/false);
}

// Tolerance of floating-point comparisons of scores.
inline constexpr double kEps = 1e-9;

// The row of `unit_id` in a results body ({"categories": [{"units": [...]}]}),
// nullptr when absent.
inline const Json* FindRow(const Json& results, const std::string& unit_id) {
  for (const auto& c : results["categories"]) {
    for (const auto& u : c["units"]) {
      if (u["unit_id"] == unit_id) return &u;
    }
  }
  return nullptr;
}

// A one-sheet .xlsx workbook of `rows` (header first, no title rows).
inline std::string Workbook(const std::string& sheet, std::vector<std::vector<io::OutCell>> rows) {
  io::OutSheet s;
  s.name = sheet;
  s.rows = std::move(rows);
  auto bytes = io::WriteXlsx({s});
  return bytes.ok() ? *bytes : std::string();
}

}  // namespace govperf::server::testing
