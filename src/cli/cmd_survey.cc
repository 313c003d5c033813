// govperf survey put | list | codes | count: the survey contract for outside
// load and crash tools (docs/design/survey.md "CLI contract").
//   put   --db FILE --file survey.json [--status open]
//                                          → stores a definition (io/survey_json.h), audited
//   list  --db FILE                        → JSON [{"id","year","title_zh","status"}]
//   codes --db FILE --survey ID --count N --out FILE.csv [--group G] [--cell var=level]…
//                                          → N new one-time codes, header `code`
//   count --db FILE --survey ID            → {"accepted": n, "flagged": n, "rejected": n}
// Exit 0 on success, 2 for bad input (unknown survey, bad count), 1 otherwise.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/survey/codes.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "io/survey_json.h"
#include "store/store.h"

namespace govperf::cli {
namespace {

struct SurveyArgs {
  std::string db;
  std::string survey;
  int count = 0;
  std::string out;
  std::string group;
  std::vector<std::string> cells;
  std::string file;
  std::string status;
};

// Opens an existing database (the commands never create one: a typo in
// --db must not leave an empty file behind).
Result<std::unique_ptr<store::Store>> OpenExisting(const std::string& db) {
  if (!PathExists(db)) return Status::Invalid("--db: file not found: " + db);
  return store::OpenSqliteStore(db, store::SystemClock());
}

int Fail(const std::string& cmd, const Status& st) {
  std::cerr << "govperf survey " << cmd << ": " << st.message() << "\n";
  return ExitCodeFor(st);
}

int RunPut(const SurveyArgs& a) {
  auto opened = OpenExisting(a.db);
  if (!opened.ok()) return Fail("put", opened.status());
  auto text = ReadTextFile(a.file, "--file");
  if (!text.ok()) return Fail("put", text.status());
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded()) return Fail("put", Status::Invalid("--file: not valid JSON"));
  auto survey = io::SurveyFromJson(j);
  if (!survey.ok()) return Fail("put", survey.status());
  std::optional<core::survey::SurveyStatus> status;
  if (!a.status.empty()) {
    status = core::survey::ParseSurveyStatus(a.status);
    if (!status) return Fail("put", Status::Invalid("--status: draft, open or closed"));
  }
  Status st = (*opened)->Write({"system", core::Role::kSystem}, [&](store::WriteTx& tx) -> Status {
    GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(*survey));
    if (!status || *status == core::survey::SurveyStatus::kDraft) return Status::Ok();
    return tx.SetSurveyStatus(survey->id, *status);
  });
  if (!st.ok()) return Fail("put", st);
  std::cerr << "govperf survey put: " << survey->id << " stored\n";
  return kExitOk;
}

int RunList(const SurveyArgs& a) {
  auto opened = OpenExisting(a.db);
  if (!opened.ok()) return Fail("list", opened.status());
  auto list = (*opened)->ListSurveys(0);
  if (!list.ok()) return Fail("list", list.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : *list) {
    out.push_back({{"id", s.id},
                   {"year", s.year},
                   {"title_zh", s.title_zh},
                   {"status", core::survey::SurveyStatusName(s.status)}});
  }
  std::cout << out.dump() << "\n";
  return kExitOk;
}

int RunCodes(const SurveyArgs& a) {
  auto opened = OpenExisting(a.db);
  if (!opened.ok()) return Fail("codes", opened.status());
  store::Store& st = **opened;
  app::survey::CodeRequest req;
  req.survey_id = a.survey;
  req.count = a.count;
  req.group_id = a.group;
  for (const std::string& cell : a.cells) {
    const size_t eq = cell.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == cell.size()) {
      return Fail("codes", Status::Invalid("--cell: expected var=level, got '" + cell + "'"));
    }
    req.cells[cell.substr(0, eq)] = cell.substr(eq + 1);
  }
  if (req.group_id.empty()) {
    auto s = st.FindSurvey(a.survey);
    if (!s.ok()) return Fail("codes", s.status());
    if (!s->has_value()) {
      return Fail("codes", Status::NotFound("--survey: unknown survey '" + a.survey + "'"));
    }
    if ((*s)->groups.empty()) {
      return Fail("codes", Status::Invalid("--group: survey '" + a.survey + "' has no groups"));
    }
    req.group_id = (*s)->groups.front().id;
  }
  auto codes = app::survey::IssueCodes(st, app::Caller::System(), req);
  if (!codes.ok()) return Fail("codes", codes.status());
  std::string csv = "code\n";
  for (const std::string& c : *codes) csv += c + "\n";
  if (!WriteFileBytes(a.out, csv)) {
    return Fail("codes", Status::Internal("--out: cannot write " + a.out +
                                          " (the codes were issued; issue new ones)"));
  }
  std::cerr << "govperf survey codes: " << codes->size() << " codes of group " << req.group_id
            << " written to " << a.out << "\n";
  return kExitOk;
}

int RunCount(const SurveyArgs& a) {
  auto opened = OpenExisting(a.db);
  if (!opened.ok()) return Fail("count", opened.status());
  auto s = (*opened)->FindSurvey(a.survey);
  if (!s.ok()) return Fail("count", s.status());
  if (!s->has_value()) {
    return Fail("count", Status::NotFound("--survey: unknown survey '" + a.survey + "'"));
  }
  auto n = (*opened)->CountResponses(a.survey);
  if (!n.ok()) return Fail("count", n.status());
  std::cout << nlohmann::json{{"accepted", n->accepted},
                              {"flagged", n->flagged},
                              {"rejected", n->rejected}}
                   .dump()
            << "\n";
  return kExitOk;
}

}  // namespace

void AddSurveyCommand(CLI::App& app, RunState& state) {
  auto a = std::make_shared<SurveyArgs>();
  auto* survey = app.add_subcommand("survey", "Public satisfaction surveys (社会评价)");
  survey->require_subcommand(1);
  auto* put = survey->add_subcommand("put", "Store a survey definition from a JSON file");
  put->add_option("--db", a->db, "SQLite database file")->required();
  put->add_option("--file", a->file, "the definition (docs/design/survey.md)")->required();
  put->add_option("--status", a->status, "then move it to this status (open)");
  put->callback([a, &state] { state.exit_code = RunPut(*a); });
  auto* list = survey->add_subcommand("list", "The surveys as JSON");
  list->add_option("--db", a->db, "SQLite database file")->required();
  list->callback([a, &state] { state.exit_code = RunList(*a); });
  auto* codes = survey->add_subcommand("codes", "Issue one-time invitation codes (邀请码) as CSV");
  codes->add_option("--db", a->db, "SQLite database file")->required();
  codes->add_option("--survey", a->survey, "survey id")->required();
  codes->add_option("--count", a->count, "how many codes (1..100000)")
      ->required()
      ->check(IntegerIn(1, app::survey::kMaxCodesPerIssue));
  codes->add_option("--out", a->out, "CSV file to write (header `code`)")->required();
  codes->add_option("--group", a->group, "respondent group (default: the survey's first)");
  codes->add_option("--cell", a->cells, "a fixed raking cell var=level (repeatable)");
  codes->callback([a, &state] { state.exit_code = RunCodes(*a); });
  auto* count = survey->add_subcommand("count", "Responses by status as JSON");
  count->add_option("--db", a->db, "SQLite database file")->required();
  count->add_option("--survey", a->survey, "survey id")->required();
  count->callback([a, &state] { state.exit_code = RunCount(*a); });
}

}  // namespace govperf::cli
