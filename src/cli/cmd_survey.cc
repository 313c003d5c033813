// govperf survey put | list | codes | count | opinions: the survey contract
// for outside load and crash tools (docs/design/survey.md "CLI contract"),
// and the office's batch export of opinions (意见建议).
//   put   --db FILE --file survey.json [--status open]
//                                          → stores a definition (io/survey_json.h), audited
//   list  --db FILE                        → JSON [{"id","year","title_zh","status"}]
//   codes --db FILE --survey ID --count N --out FILE.csv [--group G] [--cell var=level]…
//         [--public-url URL]               → N new one-time codes, header `code`; with
//                                            --public-url also `link` (absolute)
//   count --db FILE --survey ID            → {"accepted": n, "flagged": n, "rejected": n}
//   opinions --db FILE --survey ID [--status S] --out FILE.csv
//                                          → the survey's opinions as CSV (UTF-8 with BOM)
// Exit 0 on success, 2 for bad input (unknown survey, bad count), 1 otherwise.
#include <algorithm>
#include <ctime>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/survey/codes.h"
#include "app/survey/opinions.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "io/csv.h"
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
  std::string public_url;  // codes: base of the link column; '' = no link column
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
  if (!a.public_url.empty()) {
    // Checked before any code is issued: a refused URL issues nothing.
    Status url = app::survey::CheckPublicUrl(a.public_url, "--public-url");
    if (!url.ok()) return Fail("codes", url);
  }
  auto codes = app::survey::IssueCodes(st, app::Caller::System(), req);
  if (!codes.ok()) return Fail("codes", codes.status());
  // Without --public-url the file stays the one-column contract the load
  // and crash tools read (each line after the header is a code).
  const std::string csv = app::survey::CodesCsv(
      *codes, req.survey_id,
      a.public_url.empty() ? std::nullopt : std::optional<std::string>(a.public_url));
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

// Unix seconds → ISO 8601 UTC; 0 (never) → ''.
std::string IsoUtc(int64_t t) {
  if (t <= 0) return "";
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A cell Excel must show as text: citizens' words starting with = + - @ (or
// a tab / CR) would otherwise be run as a formula when the file is opened
// (CSV injection); a leading apostrophe keeps them text.
std::string ExcelText(const std::string& s) {
  if (!s.empty() && std::string("=+-@\t\r").find(s[0]) != std::string::npos) {
    return io::CsvField("'" + s);
  }
  return io::CsvField(s);
}

int RunOpinions(const SurveyArgs& a) {
  static const char* kStates[] = {"routed", "answered", "closed", "dismissed"};
  if (!a.status.empty() &&
      std::find(std::begin(kStates), std::end(kStates), a.status) == std::end(kStates)) {
    return Fail(
        "opinions",
        Status::Invalid("--status: routed, answered, closed or dismissed, got '" + a.status + "'"));
  }
  auto opened = OpenExisting(a.db);
  if (!opened.ok()) return Fail("opinions", opened.status());
  store::Store& st = **opened;
  auto s = st.FindSurvey(a.survey);
  if (!s.ok()) return Fail("opinions", s.status());
  if (!s->has_value()) {
    return Fail("opinions", Status::NotFound("--survey: unknown survey '" + a.survey + "'"));
  }
  const int year = (*s)->year;
  // Names for the people who open the file: the unit's and the topic's.
  std::map<std::string, std::string> unit_names, topic_names;
  if (auto scheme = st.LoadScheme(year); scheme.ok()) {
    for (const core::Unit& u : scheme->units) unit_names[u.id] = u.name_zh;
  }
  auto topics = st.ListOpinionTopics(year);
  if (!topics.ok()) return Fail("opinions", topics.status());
  for (const store::OpinionTopic& t : *topics) topic_names[t.id] = t.name_zh;
  const app::Caller system = app::Caller::System();
  std::string csv = "\xEF\xBB\xBF";  // BOM: Excel reads the file as UTF-8
  csv +=
      "id,unit_id,unit_name,topic_id,topic_name,lead_unit_id,state,text,answer,answered_by,"
      "answered_at,note,closed_by,closed_at,rectification_id,created_at\r\n";
  app::survey::OpinionQuery q;
  q.survey_id = a.survey;
  q.state = a.status;
  q.limit = 1000;
  int64_t rows = 0;
  for (;;) {
    auto page = app::survey::ListOpinions(st, system, year, q);
    if (!page.ok()) return Fail("opinions", page.status());
    for (const store::Opinion& o : *page) {
      const std::string fields[] = {std::to_string(o.id),
                                    ExcelText(o.unit_id),
                                    ExcelText(unit_names[o.unit_id]),
                                    ExcelText(o.topic_id),
                                    ExcelText(topic_names[o.topic_id]),
                                    ExcelText(o.lead_unit_id),
                                    o.state,
                                    ExcelText(o.text),
                                    ExcelText(o.answer),
                                    ExcelText(o.answered_by),
                                    IsoUtc(o.answered_at),
                                    ExcelText(o.note),
                                    ExcelText(o.closed_by),
                                    IsoUtc(o.closed_at),
                                    o.rectification_id ? std::to_string(o.rectification_id) : "",
                                    IsoUtc(o.created_at)};
      bool first = true;
      for (const std::string& f : fields) {
        if (!first) csv += ',';
        csv += f;
        first = false;
      }
      csv += "\r\n";
      ++rows;
    }
    if (page->size() < static_cast<size_t>(q.limit)) break;
    q.after_id = page->back().id;
  }
  if (!WriteFileBytes(a.out, csv)) {
    return Fail("opinions", Status::Internal("--out: cannot write " + a.out));
  }
  std::cerr << "govperf survey opinions: " << rows << " opinions written to " << a.out << "\n";
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
  codes->add_option(
      "--public-url", a->public_url,
      "base of the survey's public address, e.g. https://pj.example.gov.cn: adds "
      "a second column `link` with each code's full URL "
      "<URL>/s/<survey>?code=<code> for a letter or SMS. Without it the CSV has "
      "the `code` column only; the link is then the relative /s/<survey>?code=<code>, "
      "which needs the server's address in front");
  codes->callback([a, &state] { state.exit_code = RunCodes(*a); });
  auto* count = survey->add_subcommand("count", "Responses by status as JSON");
  count->add_option("--db", a->db, "SQLite database file")->required();
  count->add_option("--survey", a->survey, "survey id")->required();
  count->callback([a, &state] { state.exit_code = RunCount(*a); });
  auto* opinions = survey->add_subcommand(
      "opinions", "Export the survey's opinions (意见建议) as CSV for Excel (UTF-8 with BOM)");
  opinions->add_option("--db", a->db, "SQLite database file")->required();
  opinions->add_option("--survey", a->survey, "survey id")->required();
  opinions->add_option("--status", a->status,
                       "only this state: routed, answered, closed, dismissed");
  opinions->add_option("--out", a->out, "CSV file to write")->required();
  opinions->callback([a, &state] { state.exit_code = RunOpinions(*a); });
}

}  // namespace govperf::cli
