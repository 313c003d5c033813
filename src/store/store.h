// The store: the only way the app, server and CLI read or write persistent
// state. One facade (Store) made of per-aggregate read interfaces and one
// write path, Store::Write, whose transaction object (WriteTx) holds every
// write operation.
//
// Guarantees:
//  1. Everything written through one Store::Write call commits together or
//     not at all (one transaction); a non-ok Status from the callback, or from
//     any write inside it, rolls everything back.
//  2. Every write appends one audit record (who, when, what, before, after) in
//     the same transaction; each record's hash covers its content and the
//     previous record's hash, so editing or deleting a record breaks the chain
//     and VerifyAudit() reports where.
//  3. The year's stage rules (core/workflow/stage.h) are checked inside the
//     write transaction, against the stage read in that transaction: a write
//     the stage does not allow for the actor's role fails with
//     kFailedPrecondition and changes nothing, whoever the caller is.
//  4. Every write that changes what a year evaluates to (its stage, scheme or
//     data) increments that year's data_version in the same transaction, so a
//     cache holding (year, data_version) is current exactly when the versions
//     match — also for writes made by another process on the same database.
//  5. Reads never write; a read sees a consistent snapshot.
// Backends: sqlite/ (embedded default, WAL). The conformance suite
// (store_conformance.h) is written against this interface only, so a PostgreSQL
// backend must pass it unchanged.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/roles.h"
#include "core/status.h"
#include "core/survey/model.h"
#include "core/workflow/stage.h"

namespace govperf::store {

// Roles (the permission table lives in the server: policy as data).
inline constexpr core::Role kRoleAdmin = core::Role::kAdmin;    // 绩效办
inline constexpr core::Role kRoleUnit = core::Role::kUnit;      // 评估对象
inline constexpr core::Role kRoleLead = core::Role::kLead;      // 牵头考核单位
inline constexpr core::Role kRoleLeader = core::Role::kLeader;  // 领导
inline constexpr core::Role kRoleExpert = core::Role::kExpert;  // 专家

struct User {
  std::string username;
  std::string display_name;
  core::Role role = core::Role::kUnit;
  std::string unit_id;        // the unit a unit/lead user belongs to; empty otherwise
  std::string password_hash;  // argon2id string (libsodium crypto_pwhash_str)
  bool active = true;
  // Login throttling (app/auth): failures since the last success or lock,
  // the lock's end (unix seconds, 0 = not locked) and how many locks in a
  // row (each one longer).
  int failed_logins = 0;
  int64_t locked_until = 0;
  int lock_level = 0;
};

struct Session {
  std::string token_hash;  // SHA-256 hex of the bearer token; the token itself is never stored
  std::string username;
  int64_t created_at = 0;  // unix seconds
  int64_t expires_at = 0;  // unix seconds
};

// 年度: its stage (core/workflow/stage.h) and data version (guarantee 4).
struct YearInfo {
  int year = 0;
  core::Stage stage = core::Stage::kDraft;
  std::string published_at;  // ISO 8601 UTC, empty unless published
  int64_t data_version = 0;  // read-only: maintained by the store
  bool published() const { return stage == core::Stage::kPublished; }
};

// The organisation registry (机构): categories and units with ids stable
// across years. A year's scheme holds its own copy of them; the registry
// decides what a new year starts with and which ids a scheme may use.
struct OrgCategory {
  std::string id;
  std::string name_zh;
  std::string name_en;
  core::UnitKind kind = core::UnitKind::kDepartment;
  bool retired = false;
};
struct OrgUnit {
  std::string id;
  std::string name_zh;
  std::string name_en;
  std::string category_id;
  std::string parent_id;
  core::UnitKind kind = core::UnitKind::kDepartment;
  bool retired = false;
};
// 机构职能变更: one recorded change of the registry.
struct OrgChange {
  int64_t id = 0;     // assigned by the store
  std::string at;     // assigned by the store
  std::string actor;  // assigned by the store
  std::string kind;   // create | rename | move | retire | reinstate | merge | edit
  std::string unit_id;
  std::string into;    // merge: the unit it went into
  std::string before;  // JSON text
  std::string after;   // JSON text
  std::string note;
};
struct Org {
  std::vector<OrgCategory> categories;
  std::vector<OrgUnit> units;
  std::vector<OrgChange> changes;  // oldest first
};

// A unit's scores from the other assessing subjects; nullopt = not entered.
struct ComponentScores {
  std::string unit_id;
  std::optional<double> satisfaction;     // 社会满意度 0..100
  std::optional<double> satisfaction_se;  // its sampling standard error
  std::optional<double> leadership;       // 领导评价 0..100
};

struct AuditRecord {
  int64_t id = 0;
  std::string at;      // ISO 8601 UTC
  std::string actor;   // username, or "system"
  std::string action;  // e.g. "datum.put", "scheme.save", "user.put", "login"
  std::string entity;  // e.g. "datum:2025/1.1.1/D01/2025"
  std::string before;  // JSON text, empty when created
  std::string after;   // JSON text, empty when deleted
  std::string prev_hash;
  std::string hash;  // SHA-256 hex over (prev_hash, at, actor, action, entity, before, after)
};

struct AuditVerification {
  bool ok = true;
  int64_t records = 0;
  int64_t first_bad_id = 0;  // 0 when ok
  std::string message;
  // Records from this id on are keyed (HMAC, store/audit_key.h); 0 = none
  // (an unkeyed chain). The head: the last record's id and hash.
  int64_t keyed_from = 0;
  int64_t head_id = 0;
  std::string head_hash;
};

// ---- indicator setting (指标设置): types ---------------------------------
// Target negotiation, expert comments, published scheme versions, adjustment
// requests (调整程序) and the power-and-responsibility list (权责清单).
// docs/design/workflow.md has the state machines; app/setting/ the rules.

// One step of a target negotiation (协商记录). at/actor/role/seq: by the store.
struct TargetEvent {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string role;
  std::string action;  // propose | accept | counter | accept_counter | keep | escalate | decide
  std::optional<double> value;
  std::string reason;
};
// The current state of the negotiation of one unit's target on one leaf.
struct TargetNegotiation {
  std::string indicator_id;
  std::string unit_id;
  std::string state;                   // proposed | countered | escalated | agreed | decided
  std::optional<double> lead_value;    // the lead department's proposal
  std::optional<double> unit_value;    // the unit's counter-proposal
  std::optional<double> agreed_value;  // set once agreed or decided
  std::string updated_at;              // by the store
  std::vector<TargetEvent> history;    // oldest first (read only)
};
// 专家意见 on an indicator. id/at/author/role: by the store.
struct IndicatorComment {
  int64_t id = 0;
  std::string indicator_id;
  std::string at;
  std::string author;
  std::string role;
  std::string text;
};
// A published version of a year's scheme. at/actor/content_sha256: by the store.
struct SchemeVersion {
  int year = 0;
  int version = 0;  // 1 at publication, N+1 per approved adjustment
  std::string at;
  std::string actor;
  std::string note;
  int64_t change_request = 0;  // the approved request that made it; 0 for none
  std::string content_sha256;
};
// 调整申请. id/requested_at: by the store on insert.
struct ChangeRequest {
  int64_t id = 0;
  std::string kind;  // target | points | method | applicability
  std::string indicator_id;
  std::string unit_id;  // target: whose target; else empty
  std::string change;   // JSON object text: the requested values
  std::string reason;
  std::string evidence;  // 佐证说明
  std::string state;     // pending | approved | rejected
  std::string requested_by;
  std::string requested_role;
  std::string requested_unit;
  std::string requested_at;
  std::string decided_by;
  std::string decided_at;
  std::string decision;  // the office's reason
  int version = 0;       // approved: the scheme version it made
};
// 权责清单 item of a unit, and the indicators that cover items.
struct DutyItem {
  std::string unit_id;
  std::string id;
  std::string title;
  std::string basis;     // 设定依据
  std::string category;  // 职权类别
};
struct DutyLink {
  std::string unit_id;
  std::string item_id;
  std::string indicator_id;
};
struct Duties {
  std::vector<DutyItem> items;  // by unit, then import order
  std::vector<DutyLink> links;  // by unit, item, indicator
};
// A node edit of the scheme in force, for its audit record.
struct SchemeEdit {
  std::string action;  // indicator.add | indicator.edit | indicator.move | indicator.delete
  std::string node_id;
  std::string before;  // JSON text, empty when added
  std::string after;   // JSON text, empty when deleted
};
// ---- end indicator setting types ----------------------------------------

// ---- 结果运用 result use (migration 0013) ----
// What a grade leads to in a year (one row per grade level of the scheme).
struct ResultUseRule {
  std::string grade;                        // GradeLevel::code
  std::optional<double> bonus_coefficient;  // 绩效奖金系数
  std::string cadre;                        // input to cadre evaluation (干部考核)
  std::string budget;                       // budget note (预算安排)
  std::string accountability;               // accountability action (问责)
};
// One application of a year's result to a unit, as the office recorded it.
struct ResultUseRecord {
  int64_t id = 0;  // per year, assigned by the store
  int year = 0;
  std::string unit_id;
  std::string kind;  // bonus | cadre | budget | accountability | other
  std::string outcome;
  std::optional<double> coefficient;
  std::string reference;                 // 文号
  std::string decided_on;                // YYYY-MM-DD or ""
  std::string recorded_by, recorded_at;  // by the store
};
// ---- 日常监测 monitoring (migration 0009) ----

// A report's state. "due" is not stored: it is a period the calendar expects
// and no row exists for yet.
enum class ReportState { kSubmitted, kVerified, kReturned };
const char* ReportStateName(ReportState s);  // "submitted", "verified", "returned"
std::optional<ReportState> ParseReportState(const std::string& s);

// An evidence file attached to a report (the bytes are stored once per SHA-256).
struct EvidenceRef {
  std::string sha256;
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string added_by;
  std::string added_at;  // assigned by the store
};

// 监测报送: one unit's report on one leaf for one period.
struct MonitoringReport {
  int year = 0;
  std::string indicator_id;
  std::string unit_id;
  std::string period;  // core/period.h syntax: "2025-03" or "2025"
  ReportState state = ReportState::kSubmitted;
  std::optional<double> value;
  bool no_data = false;  // an explicit "no data" declaration
  std::string narrative;
  std::string due_date;  // YYYY-MM-DD, empty when no due date applied
  bool late = false;     // submitted after the due date (kept once set)
  int submissions = 1;   // 1 = first submission; more = resubmitted after a return
  std::string submitted_by;
  std::string submitted_at;  // ISO 8601 UTC
  std::string decided_by;    // verified or returned by
  std::string decided_at;
  std::string return_reason;
  std::vector<EvidenceRef> evidence;  // read-only here: AttachEvidence adds
};

struct EvidenceFile {
  std::string sha256;  // computed by the store
  std::string content_type;
  std::string content;  // the bytes
};

// The year's monitoring settings (defaults when never saved).
struct MonitoringSettings {
  int year = 0;
  std::string default_frequency = "quarterly";  // core::monitoring::Frequency names
  int due_days_after = 10;  // a report is due this many days after its period ends
  int reminder_working_days = 3;
  int red_after_working_days = 5;
  // 时序进度: completion ÷ time elapsed ≥ green → green, ≥ yellow → yellow, else red.
  double progress_green = 1.0;
  double progress_yellow = 0.8;
  std::map<std::string, std::string> frequencies;  // leaf id → frequency (else the default)
};

// 节点任务: what is due from whom by when.
struct NodeTask {
  std::string id;
  std::string name_zh;
  std::string name_en;
  std::string stage;      // the stage it belongs to (a core::Stage name), may be empty
  std::string from_role;  // admin | lead | unit | leader | expert
  std::string from_unit;  // a unit id, empty: every holder of the role
  std::string due_date;   // YYYY-MM-DD
  bool done = false;
};

// A day of the working-day calendar that is not an ordinary one.
struct CalendarDay {
  std::string date;      // YYYY-MM-DD
  bool working = false;  // true: adjusted working day (调休上班); false: holiday
  std::string name_zh;
  std::string name_en;
};

// 督办 one recorded escalation (each level once per subject).
struct EscalationRecord {
  int year = 0;
  std::string subject;  // "report:IND/UNIT/PERIOD" or "task:ID"
  std::string level;    // reminder | yellow | red
  std::string on_date;  // YYYY-MM-DD
  std::string unit_id;
  int working_days = 0;
};

// 站内消息.
struct InboxMessage {
  int64_t id = 0;  // assigned by the store
  std::string username;
  std::string at;  // assigned by the store
  std::string
      kind;  // report.returned | report.verified | report.submitted | escalation.* | task.due
  int year = 0;
  std::string subject;  // what it is about, e.g. "report:1.1.1/D01/2025-03"
  std::string title_zh;
  std::string title_en;
  std::string body_zh;
  std::string body_en;
  std::string dedup_key;  // non-empty: at most one message per (username, dedup_key)
  std::string read_at;    // empty: unread
};

class MonitoringReader {
 public:
  virtual ~MonitoringReader() = default;
  // The year's reports (with evidence refs), by indicator, unit, period.
  virtual Result<std::vector<MonitoringReport>> ListReports(int year) = 0;
  virtual Result<std::optional<MonitoringReport>> FindReport(int year,
                                                             const std::string& indicator_id,
                                                             const std::string& unit_id,
                                                             const std::string& period) = 0;
  // NotFound for an unknown hash.
  virtual Result<EvidenceFile> LoadEvidence(const std::string& sha256) = 0;
  virtual Result<MonitoringSettings> LoadMonitoringSettings(int year) = 0;
  virtual Result<std::vector<NodeTask>> ListNodeTasks(int year) = 0;  // in order
  virtual Result<std::vector<CalendarDay>> ListCalendarDays() = 0;    // by date
  virtual Result<std::vector<EscalationRecord>> ListEscalations(int year) = 0;
  // Newest first, at most `limit` (1..500).
  virtual Result<std::vector<InboxMessage>> ListInbox(const std::string& username, bool unread_only,
                                                      int limit) = 0;
  virtual Result<int64_t> UnreadCount(const std::string& username) = 0;
};

// ---- 公示, committee approval and publication (migration 0012) ----
// Insert-only records: the store API has no update or delete for them.

// The 公示 window (appeals accepted from start to end, both inclusive).
// seq/at/actor: by the store.
struct PublicityWindow {
  int year = 0;
  int seq = 0;             // 1 for the first, +1 each time the year re-enters 公示
  std::string start_date;  // YYYY-MM-DD
  std::string end_date;    // YYYY-MM-DD
  int working_days = 0;    // the length asked for; 0: an explicit end date
  std::string at;
  std::string actor;
};

// 评估委员会审定 of the latest window's results. window_seq/at/actor: by the store.
struct CommitteeApproval {
  int year = 0;
  int window_seq = 0;
  std::string meeting_date;  // YYYY-MM-DD
  std::string meeting_ref;   // the meeting's reference (e.g. minutes number)
  std::string note;
  std::string at;
  std::string actor;
};

// The publication record: the results snapshot and its certificate. The
// caller gives year, data_version (what the results were computed at) and
// results (canonical JSON); the store fills in every hash, the scheme
// version, the audit head and the certificate inside the transaction.
struct Publication {
  int year = 0;
  std::string at;
  std::string actor;
  int64_t data_version = 0;
  std::string data_sha256;
  std::string previous_data_sha256;  // "" when the year before does not exist
  std::string scheme_sha256;
  int scheme_version = 0;
  std::string engine_version;
  std::string results_sha256;
  int64_t audit_head_id = 0;
  std::string audit_head_hash;
  std::string certificate_sha256;
  std::string results;  // canonical JSON; empty when read without it
};

// 申诉: an appeal against one score of the appealing unit. id/window_seq/
// state/filed_*: by the store on insert; answer and decision by their writes.
struct Appeal {
  int year = 0;
  int64_t id = 0;
  int window_seq = 0;
  std::string unit_id;
  std::string kind;                     // indicator | adjustment
  std::string indicator_id;             // kind indicator
  std::string adjustment_id;            // kind adjustment (a deduction or veto)
  std::optional<double> claimed_value;  // kind indicator: the value claimed
  std::string reason;
  std::vector<std::string> evidence;  // sha256 of stored evidence files
  std::string state;                  // filed | answered | upheld | rejected
  std::string filed_by;
  std::string filed_at;
  std::string answer;  // the lead department's (or office's) answer
  std::string answered_by;
  std::string answered_at;
  std::string decision;  // the office's reason
  std::string decided_by;
  std::string decided_at;
  bool decided() const { return state == "upheld" || state == "rejected"; }
};

class PublicationReader {
 public:
  // The year's appeals, by id.
  virtual Result<std::vector<Appeal>> ListAppeals(int year) = 0;
  virtual ~PublicationReader() = default;
  // The year's windows, oldest first (the last one applies).
  virtual Result<std::vector<PublicityWindow>> ListPublicityWindows(int year) = 0;
  // Oldest first.
  virtual Result<std::vector<CommitteeApproval>> ListCommitteeApprovals(int year) = 0;
  // nullopt when the year has no publication record; with_results = false
  // leaves Publication::results empty (it is the whole year's trace).
  virtual Result<std::optional<Publication>> FindPublication(int year, bool with_results) = 0;
};
// ---- end 公示 and publication types ----
// ---- 年终考核 year-end assessment (migration 0011) ----
// docs/design/year_end.md has the rules; app/year_end/ the use cases.

// 自评 a unit's year-end claim on one leaf, and the lead department's scoring
// of it (牵头单位评分). A row may exist without a submission (submissions 0)
// when the lead department or the office scored a leaf the unit never filed.
struct SelfEvaluation {
  int year = 0;
  std::string indicator_id;
  std::string unit_id;
  std::optional<double> value;  // the unit's claim
  bool no_data = false;
  std::string text;  // 自评说明
  int submissions = 0;
  std::string submitted_by;
  std::string submitted_at;  // by the store
  // Set by the scoring: the value written into the year's data (the unit's
  // claim stays above, visible), the reason, and the leaf score it gives.
  bool scored = false;
  std::optional<double> scored_value;
  bool scored_no_data = false;
  std::string reason;
  std::optional<double> earned;  // the engine's leaf score with scored_value
  std::optional<double> points;  // the leaf's full points
  std::string scored_by;
  std::string scored_at;              // by the store
  std::vector<EvidenceRef> evidence;  // read only: AttachYearEndEvidence adds
};

// 抽查: one sampled (leaf, unit) pair and the office's finding on it.
struct SpotCheckItem {
  std::string indicator_id;
  std::string unit_id;
  std::string finding;          // "" (not yet) | confirmed | corrected
  std::optional<double> value;  // corrected: the new value
  std::string reason;
  std::string checked_by;
  std::string checked_at;  // by the store
};
// A drawn sample: the seed and size it was drawn with and the pairs drawn,
// stored so that the draw can be re-run and compared.
struct SpotCheck {
  int year = 0;
  int64_t id = 0;    // by the store
  std::string seed;  // decimal text of the 64-bit seed
  int size = 0;
  std::string drawn_by;              // by the store
  std::string drawn_at;              // by the store
  std::vector<SpotCheckItem> items;  // in draw order
};

// 加减分与否决申报 with the experts' opinions.
struct ClaimOpinion {
  std::string expert;   // by the store
  std::string opinion;  // support | oppose | neutral
  std::string text;
  std::string at;  // by the store
};
struct Claim {
  int year = 0;
  int64_t id = 0;           // by the store
  std::string unit_id;      // the unit the item is for (bonus) or against
  std::string kind;         // bonus | deduction | veto
  std::string category;     // bonus: commendation (表彰) | innovation (创新); else empty
  double points = 0;        // bonus/deduction; 0 for veto
  std::string veto_effect;  // veto: cap_qualified | fix_lowest
  std::string reason;
  std::string raised_by;    // by the store
  std::string raised_role;  // by the store
  std::string raised_unit;
  std::string raised_at;               // by the store
  std::string state = "pending";       // pending | approved | rejected
  std::string decided_by;              // by the store
  std::string decided_at;              // by the store
  std::string decision;                // the office's reason
  std::string adjustment_id;           // approved: the core::Adjustment it became
  std::vector<ClaimOpinion> opinions;  // read only
  std::vector<EvidenceRef> evidence;   // read only
};

// 领导评价: the year's rating form, leader levels and who rates whom.
struct RatingDimension {
  std::string id;
  std::string name_zh;
  std::string name_en;
  double weight = 0;  // the dimensions' weights sum to 1
};
struct LeaderLevel {
  std::string id;       // e.g. principal | deputy | other
  std::string name_zh;  // 主要领导 / 分管领导 / 其他
  std::string name_en;
  double weight = 0;
};
struct LeaderAssignment {
  std::string username;               // a user with role leader
  std::string level;                  // a LeaderLevel id
  std::vector<std::string> unit_ids;  // the units this leader rates
};
struct RatingSetup {
  int year = 0;
  std::vector<RatingDimension> dimensions;
  double scale_min = 0;    // ratings are given on [scale_min, scale_max],
  double scale_max = 100;  // mapped linearly to 0..100
  std::vector<LeaderLevel> levels;
  std::vector<LeaderAssignment> leaders;
  std::string closed_by;  // by the store: set when the office closes the rating
  std::string closed_at;
  bool closed() const { return !closed_at.empty(); }
};
struct LeaderRating {
  int year = 0;
  std::string username;  // by the store (the actor)
  std::string unit_id;
  std::map<std::string, double> scores;  // dimension id → value on the scale
  std::string at;                        // by the store
};

class YearEndReader {
 public:
  virtual ~YearEndReader() = default;
  // By indicator, unit; each with its evidence.
  virtual Result<std::vector<SelfEvaluation>> ListSelfEvaluations(int year) = 0;
  virtual Result<std::optional<SelfEvaluation>> FindSelfEvaluation(int year,
                                                                   const std::string& indicator_id,
                                                                   const std::string& unit_id) = 0;
  virtual Result<std::vector<SpotCheck>> ListSpotChecks(int year) = 0;  // by id
  virtual Result<std::vector<Claim>> ListClaims(int year) = 0;          // by id
  // nullopt when the year has no setup yet.
  virtual Result<std::optional<RatingSetup>> LoadRatingSetup(int year) = 0;
  virtual Result<std::vector<LeaderRating>> ListLeaderRatings(int year) = 0;  // by user, unit
};
// ---- end year-end assessment types ----
// ---- 整改 rectification (migration 0014) ----
// After its feedback report (绩效反馈) a unit files rectification items, each
// tied to a lost point (indicator) or an opinion (意见建议), reports progress
// with evidence, and the office closes or reopens them. Stage rule:
// YearWrite::kRectification (published years: it is after publication);
// never bumps data_version (nothing a year evaluates to changes).
// app/feedback/rectification.h has the rules.

// A file attached to an item: the bytes are the monitoring evidence_files
// row of that SHA-256 (stored once, whoever uploaded it).
struct RectificationEvidence {
  std::string sha256;
  std::string file_name;
  std::string content_type;  // read only
  int64_t size = 0;          // read only
  std::string added_by;      // by the store
  std::string added_at;      // by the store
};
// One step of an item's history. seq/at/actor/role: by the store.
struct RectificationEvent {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string role;
  std::string action;  // filed | progress | edit | close | reopen
  std::string text;    // the progress report, or the office's note
  std::optional<int> progress;
};
struct RectificationItem {
  int year = 0;
  int64_t id = 0;  // per year; assigned by the store on insert
  std::string unit_id;
  std::string source;          // indicator | opinion
  std::string indicator_id;    // source indicator: the leaf where points were lost
  std::string opinion_id;      // source opinion
  std::string problem;         // 问题: what is rectified, in the unit's words
  std::string measure;         // 整改措施
  std::string owner;           // 责任人
  std::string deadline;        // YYYY-MM-DD
  std::string state = "open";  // open | closed
  int progress = 0;            // percent, 0..100
  std::string note;            // the office's note at its last close or reopen
  std::string created_by, created_at, updated_at, closed_by, closed_at;  // by the store
  std::vector<RectificationEvent> history;                               // oldest first (read only)
  std::vector<RectificationEvidence> evidence;  // in order attached (read only)
};

class RectificationReader {
 public:
  virtual ~RectificationReader() = default;
  // The year's items of `unit_id` (every unit when empty), by unit then id,
  // each with its history and evidence.
  virtual Result<std::vector<RectificationItem>> ListRectification(int year,
                                                                   const std::string& unit_id) = 0;
  virtual Result<std::optional<RectificationItem>> FindRectification(int year, int64_t id) = 0;
  // Years that hold at least one item, ascending (the escalation run).
  virtual Result<std::vector<int>> RectificationYears() = 0;
};
// ---- end rectification types ----
// ---- 考核项目规范 registry of assessment projects (migration 0015) ----
// A department's own assessment of units (安全生产考核, 河长制考核 …) as applied
// for and decided by the office. Assessed units are kept twice: the selectors
// as applied (whole categories, single units) and the list they resolved to
// in the organisation registry at the last write, so a past year's burden
// stays what it was when later units move or retire.
struct AssessmentProject {
  int year = 0;
  std::string id;  // stable code, kept when copied to the next year
  std::string name_zh, name_en;
  std::string department_id;                   // org unit running the project
  std::string basis;                           // legal basis / reason (设立依据)
  std::vector<std::string> category_ids;       // selectors: whole categories
  std::vector<std::string> unit_ids;           // selectors: single units
  std::vector<std::string> assessed_unit_ids;  // resolved, sorted, no repeats
  std::string frequency;                       // annual | semiannual | quarterly | monthly | ad_hoc
  int reports_per_year = 0;                    // per assessed unit, 0..366
  std::string status;                          // applied | approved | merged | refused | abolished
  std::vector<std::string> merged_indicator_ids;  // merged: the scheme's indicators it went into
  std::string decision_note;
  std::string applied_by, applied_at, updated_at;  // by the store
  std::string decided_by, decided_at;              // by the store, at each decision
};
class AssessmentProjectReader {
 public:
  virtual ~AssessmentProjectReader() = default;
  // The year's projects in application order.
  virtual Result<std::vector<AssessmentProject>> ListAssessmentProjects(int year) = 0;
  virtual Result<std::optional<AssessmentProject>> FindAssessmentProject(int year,
                                                                         const std::string& id) = 0;
};
// ---- end assessment project types ----
// ---- 季度通报 quarterly bulletins (migration 0016) ----
// An issued bulletin: a frozen snapshot of the quarter's monitoring progress
// (core/barometer/bulletin.h as canonical JSON, io/bulletin_json.h). Not
// scoring data: stage rule YearWrite::kBulletins without a version bump.
struct BulletinRecord {
  int64_t id = 0;  // assigned by the store
  int year = 0;
  int quarter = 0;  // 1..4; one bulletin per year and quarter
  int number = 0;   // 第N期: must be the year's last number + 1
  std::string issued_on;  // YYYY-MM-DD
  std::string issued_by;  // assigned by the store (the actor)
  std::string issued_at;  // assigned by the store
  std::string foreword;
  std::string content;         // canonical JSON
  std::string content_sha256;  // assigned by the store: SHA-256 hex of content
};
class BulletinReader {
 public:
  virtual ~BulletinReader() = default;
  // The year's bulletins by number (with content).
  virtual Result<std::vector<BulletinRecord>> ListBulletins(int year) = 0;
  virtual Result<std::optional<BulletinRecord>> FindBulletin(int64_t id) = 0;
};
// ---- end quarterly bulletins ----

// ---- 社会评价 surveys (migration 0017; docs/design/survey.md) ----
// Definitions, codes, opinions and results go through Store::Write; the
// responses themselves go through the response journal
// (store/survey_journal.h), which commits them in batches.
struct ResponseCounts {
  int64_t accepted = 0, flagged = 0, rejected = 0;
};
// 意见建议 topic: keywords and the lead department that answers opinions naming it.
struct OpinionTopic {
  std::string id;  // [a-z0-9_]{1,32}
  std::string name_zh, name_en;
  std::vector<std::string> keywords;
  std::string lead_unit_id;
};
struct Opinion {
  int64_t id = 0;  // assigned by the store
  int year = 0;
  std::string survey_id;
  int64_t response_id = 0;
  std::string question_id;
  std::string unit_id;  // '' when unknown: the office routes it
  std::string topic_id, lead_unit_id;
  std::string text;
  std::string state = "routed";  // routed | answered | closed | dismissed
  std::string answer, answered_by;  // the reply to the citizen (the unit's, a lead's)
  int64_t answered_at = 0;
  // The office's own words (migration 0018): a dismissal's reason, the note
  // it closes an opinion with. Not an answer: the citizen's reply is `answer`.
  std::string note;
  int64_t rectification_id = 0;
  std::string closed_by;
  int64_t closed_at = 0;
  int64_t created_at = 0;
};
struct OpinionFilter {
  std::string survey_id;  // '' = any
  std::string unit_id;    // '' = any; matches unit_id or lead_unit_id
  std::string state;      // '' = any
  int64_t after_id = 0;
  int limit = 200;
};
// One row of a survey's computed satisfaction (group_id '' = the unit's
// weighted score over its groups).
struct SurveyResultRow {
  std::string unit_id, group_id;
  int64_t n = 0, n_dont_know = 0;
  std::optional<double> score, se, ci_low, ci_high;
  std::string warning;  // e.g. "small_sample"
  int64_t computed_at = 0;
};
// Which survey supplied a unit's satisfaction for the year (migration 0018),
// or that the office entered it by hand (手工录入, migration 0019: `kind`
// "manual", survey_id ''; applied_by / applied_at say who and when).
struct SatisfactionSource {
  std::string unit_id, survey_id, applied_by;
  int64_t applied_at = 0;
  std::string kind = "survey";  // survey | manual
  bool manual() const { return kind == "manual"; }
};
// 执行进度 counts of a survey's responses, computed by the database
// (aggregates over indexes), never by reading the rows into memory.
struct FieldworkCounts {
  struct ByGroup {
    std::string group_id, status;  // status: accepted | flagged | rejected
    int64_t count = 0;
  };
  struct ByCell {  // accepted responses whose stored cell `variable` is `level`
    std::string group_id, variable, level;
    int64_t count = 0;
  };
  std::vector<ByGroup> groups;  // by group, then status
  std::vector<ByCell> cells;    // by group, variable, level
};
class SurveyReader {
 public:
  virtual ~SurveyReader() = default;
  // Definitions (survey_design.cc). `year` 0 = every year; by year, then id.
  virtual Result<std::vector<core::survey::Survey>> ListSurveys(int year) = 0;
  virtual Result<std::optional<core::survey::Survey>> FindSurvey(const std::string& id) = 0;
  virtual Result<std::vector<OpinionTopic>> ListOpinionTopics(int year) = 0;
  virtual Result<std::vector<Opinion>> ListOpinions(int year, const OpinionFilter& filter) = 0;
  virtual Result<std::optional<Opinion>> FindOpinion(int64_t id) = 0;
  // Codes and responses (survey_responses.cc).
  virtual Result<std::optional<core::survey::InvitationCode>> FindInvitationCode(
      const std::string& survey_id, const std::string& code_hash) = 0;
  virtual Result<ResponseCounts> CountResponses(const std::string& survey_id) = 0;
  // A page of responses by id, optionally of one status.
  virtual Result<std::vector<core::survey::Response>> ListResponses(
      const std::string& survey_id, std::optional<core::survey::ResponseStatus> status,
      int64_t after_id, int limit) = 0;
  // Every response of the survey in id order, streamed (aggregation reads
  // millions: no vector of them all). `fn` returning an error stops the scan.
  virtual Status ForEachResponse(const std::string& survey_id,
                                 const std::function<Status(const core::survey::Response&)>& fn) = 0;
  // The newest `limit` responses of the survey, in id order (the collector's
  // near-duplicate memory after a restart: reads `limit` rows, not all).
  virtual Result<std::vector<core::survey::Response>> RecentResponses(
      const std::string& survey_id, int limit) = 0;
  // Computed results (survey_results.cc).
  virtual Result<std::vector<SurveyResultRow>> ListSurveyResults(const std::string& survey_id) = 0;
  // The year's satisfaction sources, by unit id (migration 0018).
  virtual Result<std::vector<SatisfactionSource>> ListSatisfactionSources(int year) = 0;
  // Counts by group and status, and accepted responses by group and stored
  // cell: SQL aggregates (migration 0018's index), the rows are not read out.
  virtual Result<FieldworkCounts> CountFieldwork(const std::string& survey_id) = 0;
};
// ---- end surveys ----

// Who is writing: recorded in the audit trail, and the role the stage rules
// are checked against (guarantee 3). kSystem is the program itself
// (generators, migrations, `govperf init`, operator imports).
struct Actor {
  std::string username;  // "system" for generators and migrations
  core::Role role = core::Role::kSystem;
};

// Injected time source, so tests control expiry and audit timestamps.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowUnix() const = 0;
};
// The wall clock.
const Clock& SystemClock();

// ---- per-aggregate read interfaces ----

class UserReader {
 public:
  virtual ~UserReader() = default;
  virtual Result<std::optional<User>> FindUser(const std::string& username) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;  // by username
  // An unexpired session, or nullopt.
  virtual Result<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
};

// What changed in a year after a data version, so that a cache holding the
// year at that version can replay the changes instead of reloading the year.
// Each change carries the item's state NOW (read in the same snapshot as
// YearChanges::version), not a delta: replaying is idempotent.
struct YearChange {
  enum class Kind {
    kDatum,        // one value: indicator_id, unit_id, period; `datum` (nullopt = gone)
    kScores,       // one unit's satisfaction / leadership: `scores`
    kInputs,       // one unit's inputs: `inputs`
    kAdjustments,  // bonus / deduction / veto items: YearChanges::adjustments
  };
  int64_t version = 0;
  Kind kind = Kind::kDatum;
  std::string indicator_id, unit_id, period;
  std::optional<core::Datum> datum;
  ComponentScores scores;
  std::map<std::string, double> inputs;
};
struct YearChanges {
  int64_t version = 0;              // the year's data_version in the snapshot read
  bool covered = false;             // false: reload the year (see YearChangesSince)
  std::vector<YearChange> changes;  // one per version after `since`, oldest first
  // When any change is kAdjustments: all of the year's adjustments now, in order.
  std::optional<std::vector<core::Adjustment>> adjustments;
};

class YearReader {
 public:
  virtual ~YearReader() = default;
  virtual Result<std::vector<YearInfo>> ListYears() = 0;  // ascending by year
  virtual Result<std::optional<YearInfo>> FindYear(int year) = 0;
  // The year's data_version (guarantee 4); NotFound for an unknown year. One
  // small indexed read: caches call it on every request.
  virtual Result<int64_t> DataVersion(int year) = 0;
  // The changes of `year` after data version `since`, in one snapshot.
  // covered = false (changes empty) when they cannot be described item by
  // item: a bulk write happened since (scheme, stage, whole data), more than
  // `limit` versions passed, the log no longer reaches back to `since`, or
  // `since` is newer than the year. Every write that bumps the version logs
  // its change in the same transaction (guarantee 4), so a covered answer is
  // complete. NotFound for an unknown year.
  virtual Result<YearChanges> YearChangesSince(int year, int64_t since, int64_t limit) = 0;
};

class SchemeReader {
 public:
  virtual ~SchemeReader() = default;
  // NotFound when the year has no scheme.
  virtual Result<core::Scheme> LoadScheme(int year) = 0;
};

class YearDataReader {
 public:
  virtual ~YearDataReader() = default;
  virtual Result<core::YearData> LoadYearData(int year) = 0;
  // One unit's component scores (all nullopt when none were entered), without
  // loading the year's values. NotFound for an unknown year.
  virtual Result<ComponentScores> LoadComponentScores(int year, const std::string& unit_id) = 0;
};

class OrgReader {
 public:
  virtual ~OrgReader() = default;
  virtual Result<Org> LoadOrg() = 0;
};

class AuditReader {
 public:
  virtual ~AuditReader() = default;
  // Oldest first, ids > after_id; limit clamped to 1..1000.
  virtual Result<std::vector<AuditRecord>> ListAudit(int64_t after_id, int limit) = 0;
  virtual Result<AuditVerification> VerifyAudit() = 0;
  // The newest record's (id, hash); (0, genesis) when empty.
  virtual Result<std::pair<int64_t, std::string>> AuditHead() = 0;
  // The id of the record whose hash is `hash` (an anchor: a head published in
  // a certificate or the server log), if the chain still holds it.
  virtual Result<std::optional<int64_t>> FindAuditHash(const std::string& hash) = 0;
};

// ---- indicator setting (指标设置): reads ----------------------------------
class ResultUseReader {
 public:
  virtual ~ResultUseReader() = default;
  virtual Result<std::vector<ResultUseRule>> LoadResultUseRules(int year) = 0;  // table order
  // year 0: every year; unit_id "": every unit. By year, then id.
  virtual Result<std::vector<ResultUseRecord>> ListResultUseRecords(int year,
                                                                    const std::string& unit_id) = 0;
};

class SettingReader {
 public:
  virtual ~SettingReader() = default;
  // Ordered by (indicator, unit), each with its history.
  virtual Result<std::vector<TargetNegotiation>> ListTargetNegotiations(int year) = 0;
  virtual Result<std::vector<IndicatorComment>> ListIndicatorComments(int year) = 0;  // by id
  virtual Result<std::vector<SchemeVersion>> ListSchemeVersions(int year) = 0;        // ascending
  // NotFound for an unknown version.
  virtual Result<core::Scheme> LoadSchemeVersion(int year, int version) = 0;
  virtual Result<std::vector<ChangeRequest>> ListChangeRequests(int year) = 0;  // by id
  virtual Result<Duties> LoadDuties(int year) = 0;
};
// ---- end indicator setting reads ------------------------------------------

// ---- the write transaction ----

// Every write operation; valid only inside the Store::Write callback that
// handed it out. Each validates its input first (errors name the field or
// row) and appends its own audit record.
class WriteTx {
 public:
  virtual ~WriteTx() = default;
  virtual const Actor& actor() const = 0;

  // Users and sessions (登录).
  virtual Status PutUser(const User& user) = 0;  // insert or update
  // Login throttling state only (no other field changes); `action` names the
  // audit record ("login.failed", "login.locked", "user.unlock", "login.reset").
  virtual Status SetLoginState(const std::string& username, int failed_logins, int64_t locked_until,
                               int lock_level, const std::string& action) = 0;
  virtual Status CreateSession(const Session& session) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteSessionsOf(const std::string& username) = 0;

  // Years. PutYear inserts or changes the stage; for a role other than
  // kSystem a stage change must be a transition of the stage table that the
  // role may trigger (guarantee 3).
  virtual Status PutYear(const YearInfo& year) = 0;

  // The year's scheme, whole: SaveScheme replaces it (one audit record with a
  // summary and content hash); creates the year as a draft when absent.
  virtual Status SaveScheme(const core::Scheme& scheme) = 0;

  // The year's observations. SaveYearData replaces them all (bulk import,
  // demo generation; one audit record). The others change one item each.
  virtual Status SaveYearData(int year, const core::YearData& data) = 0;
  virtual Status PutDatum(int year, const core::Datum& datum) = 0;
  virtual Status PutComponentScores(int year, const ComponentScores& scores) = 0;
  virtual Status PutUnitInputs(int year, const std::string& unit_id,
                               const std::map<std::string, double>& inputs) = 0;
  virtual Status PutAdjustment(int year, const core::Adjustment& adjustment) = 0;  // insert/update
  virtual Status DeleteAdjustment(int year, const std::string& adjustment_id) = 0;

  // The organisation registry.
  virtual Status PutOrgCategory(const OrgCategory& category) = 0;  // insert or update
  virtual Status PutOrgUnit(const OrgUnit& unit) = 0;              // insert or update
  virtual Status AddOrgChange(const OrgChange& change) = 0;

  // ---- indicator setting (指标设置) ----
  // The scheme in force, read inside this transaction (an edit applies to
  // what it read: no lost update). NotFound when the year has no scheme.
  virtual Result<core::Scheme> LoadSchemeForUpdate(int year) = 0;
  // Replaces the scheme after one node edit, audited as the edit (action,
  // node before/after) rather than as a bulk save. Stage rule: scheme.
  // Refused once the year's scheme has a published version (frozen: changes
  // go through an adjustment request).
  virtual Status SaveSchemeEdit(const core::Scheme& scheme, const SchemeEdit& edit) = 0;
  // One negotiation step: the row's new state and the step for its history.
  // An agreed or decided row also sets the scheme's target. Stage rule:
  // targets; refused once the scheme is published.
  virtual Status PutTargetStep(int year, const TargetNegotiation& row, const TargetEvent& step) = 0;
  virtual Status AddIndicatorComment(int year, const IndicatorComment& comment) = 0;  // review
  // Makes `scheme` the version in force and records it as version
  // `version.version`, which must be the last one + 1. Stage rule:
  // scheme_versions.
  virtual Status PutSchemeVersion(const core::Scheme& scheme, const SchemeVersion& version) = 0;
  // Returns the new request's id. Stage rule: change_requests.
  virtual Result<int64_t> AddChangeRequest(int year, const ChangeRequest& request) = 0;
  // Records the office's decision on a pending request (state, decided_by,
  // decision, version). Stage rule: scheme_versions.
  virtual Status DecideChangeRequest(int year, const ChangeRequest& request) = 0;
  // Replaces a unit's duty items; refused when a linked item would go.
  // Stage rule: duties.
  virtual Status PutDutyItems(int year, const std::string& unit_id,
                              const std::vector<DutyItem>& items) = 0;
  // The items of `unit_id` that indicator `indicator_id` covers (replaces).
  virtual Status PutDutyLinks(int year, const std::string& unit_id, const std::string& indicator_id,
                              const std::vector<std::string>& item_ids) = 0;
  // ---- end indicator setting ----
  // ---- 日常监测 monitoring (migration 0009) ----
  // A report, inserted or replaced whole (evidence refs are not touched).
  // Stage rule: YearWrite::kReports. Who may write which report is the use
  // case's check (app/monitoring/reports.h).
  virtual Status PutReport(const MonitoringReport& report) = 0;
  // Stores the bytes once per SHA-256 (sets file.sha256); storing the same
  // content again is a no-op apart from the audit record.
  virtual Status PutEvidence(EvidenceFile& file) = 0;
  // Attaches a stored file to an existing report (again: replaces the name).
  virtual Status AttachEvidence(int year, const std::string& indicator_id,
                                const std::string& unit_id, const std::string& period,
                                const EvidenceRef& ref) = 0;
  virtual Status PutMonitoringSettings(const MonitoringSettings& settings) = 0;
  virtual Status PutNodeTask(int year, const NodeTask& task) = 0;  // insert or update
  virtual Status DeleteNodeTask(int year, const std::string& id) = 0;
  virtual Status PutCalendarDay(const CalendarDay& day) = 0;  // insert or update
  virtual Status DeleteCalendarDay(const std::string& date) = 0;
  // Records an escalation; false (and nothing written) when that level of
  // that subject was already recorded.
  virtual Result<bool> AddEscalation(const EscalationRecord& record) = 0;
  // Adds a message; false (and nothing written) when the user already has
  // one with the same non-empty dedup_key.
  virtual Result<bool> AddInboxMessage(const InboxMessage& message) = 0;
  // Marks the user's message `id` read, or all of them when id is 0.
  virtual Status MarkInboxRead(const std::string& username, int64_t id) = 0;
  // ---- 结果运用 result use (migration 0013) ----
  // Not scoring data: no stage rule and no data version bump. The year must
  // exist; grades, units and the year's publication are the use case's checks
  // (app/result_use.h).
  virtual Status PutResultUseRules(int year, const std::vector<ResultUseRule>& rules) = 0;
  // Appends a record (id, recorded_by and recorded_at set by the store).
  virtual Result<int64_t> AddResultUseRecord(const ResultUseRecord& record) = 0;

  // ---- 公示 and publication (migration 0012) ----
  // Records a new 公示 window (seq = last + 1). Stage rule: publication (so
  // written after the year moved to preliminary, in the same transaction).
  virtual Status AddPublicityWindow(const PublicityWindow& window) = 0;
  // Records the committee's approval of the latest window. Stage rule:
  // publication; refused without a window or when that window already has one.
  virtual Status AddCommitteeApproval(const CommitteeApproval& approval) = 0;
  // Writes the publication record: refused unless the year's data_version is
  // still `p.data_version` (the results were computed from what is stored),
  // or when the year already has one. Fills in `p`'s hashes, scheme version,
  // audit head and certificate. Stage rule: publication — the caller moves
  // the year to published after it, in the same transaction.
  virtual Status AddPublication(Publication& p) = 0;
  // 申诉. Stage rule: appeals. AddAppeal sets id, window_seq (the latest
  // window; refused without one), state "filed", filed_by and filed_at;
  // evidence must be stored files. AnswerAppeal: a filed appeal only.
  // DecideAppeal: a filed or answered one only (a decision is final); the
  // correction of an upheld appeal is the caller's write in the same transaction.
  virtual Status AddAppeal(Appeal& appeal) = 0;
  virtual Status AnswerAppeal(int year, int64_t id, const std::string& answer) = 0;
  virtual Status DecideAppeal(int year, int64_t id, bool upheld, const std::string& decision) = 0;
  // ---- 年终考核 year-end assessment (migration 0011) ----
  // Who may write which row is the use case's check (app/year_end/). None of
  // these changes a score by itself: a scored value goes through PutDatum, an
  // approved claim through PutAdjustment, the closed rating through
  // PutComponentScores, in the same transaction.
  // Inserts or replaces the row (evidence refs are not touched). Stage rule:
  // self_evaluation when only the unit's claim changed, lead_scoring when
  // the scoring fields changed.
  virtual Status PutSelfEvaluation(const SelfEvaluation& e) = 0;
  // Attaches a stored file (PutEvidence) to a self-evaluation ("self:IND/UNIT",
  // which must exist) or a claim ("claim:ID"). Stage rule: self_evaluation
  // or claims.
  virtual Status AttachYearEndEvidence(int year, const std::string& subject,
                                       const EvidenceRef& ref) = 0;
  // Records a drawn sample; returns its id. Stage rule: spot_checks.
  virtual Result<int64_t> AddSpotCheck(const SpotCheck& check) = 0;
  // The finding on one drawn pair. Stage rule: spot_checks.
  virtual Status PutSpotFinding(int year, int64_t check_id, const SpotCheckItem& item) = 0;
  // Returns the new claim's id. Stage rule: claims.
  virtual Result<int64_t> AddClaim(const Claim& claim) = 0;
  // One opinion per expert and claim (again: replaces). Stage rule: claims.
  virtual Status PutClaimOpinion(int year, int64_t claim_id, const ClaimOpinion& opinion) = 0;
  // The office's decision on a pending claim (state, decision,
  // adjustment_id). Stage rule: claims.
  virtual Status DecideClaim(const Claim& claim) = 0;
  // Replaces the year's setup (closed_* ignored). Stage rule: rating_setup.
  virtual Status PutRatingSetup(const RatingSetup& setup) = 0;
  // Marks the rating closed. Stage rule: rating_setup.
  virtual Status CloseRating(int year) = 0;
  // The actor's rating of one unit (again: replaces). Stage rule: ratings.
  virtual Status PutLeaderRating(const LeaderRating& rating) = 0;
  // ---- end year-end assessment ----
  // ---- 整改 rectification (migration 0014) ----
  // A new item (state open, progress 0) and its "filed" event; returns its
  // id. The unit and, for source indicator, the leaf must exist in the
  // year's scheme. Stage rule: rectification.
  virtual Result<int64_t> AddRectificationItem(const RectificationItem& item) = 0;
  // Replaces the item's editable fields, state, progress and note, and
  // appends `event` to its history. Stage rule: rectification.
  virtual Status UpdateRectificationItem(const RectificationItem& item,
                                         const RectificationEvent& event) = 0;
  // Attaches a stored evidence file (again: replaces the name).
  virtual Status AttachRectificationEvidence(int year, int64_t id,
                                             const RectificationEvidence& ref) = 0;
  // ---- end rectification ----
  // ---- 考核项目规范 assessment projects (migration 0015) ----
  // Not scoring data: no stage rule and no data version bump; the year must
  // exist. Which units, departments and indicators exist, and who may apply
  // for which department, are the use case's checks (app/assessment_projects).
  // A new application (status applied; applied_* and updated_at set by the
  // store); AlreadyExists naming `id` when the year has it.
  virtual Status AddAssessmentProject(const AssessmentProject& project) = 0;
  // Replaces the content of an application still `applied` (status and
  // decision fields ignored); FailedPrecondition naming `status` otherwise.
  virtual Status EditAssessmentProject(const AssessmentProject& project) = 0;
  // applied → approved | merged | refused, approved → abolished; any other
  // move is FailedPrecondition naming `status`, checked inside the transaction.
  // Stamps decided_by/decided_at.
  virtual Status DecideAssessmentProject(int year, const std::string& id, const std::string& status,
                                         const std::string& note,
                                         const std::vector<std::string>& merged_indicator_ids) = 0;
  // ---- end assessment projects ----
  // ---- 季度通报 quarterly bulletins (migration 0016) ----
  // Issues a bulletin (sets id, issued_by, issued_at, content_sha256).
  // Refused for a quarter outside 1..4, an unknown year, a quarter that
  // already has one, or a number that is not the year's last + 1. Stage rule:
  // bulletins (no data_version bump).
  virtual Status AddBulletin(BulletinRecord& bulletin) = 0;
  // ---- 社会评价 surveys (migration 0017) ----
  // Inserts or replaces a definition. A draft may change anything; an open
  // or closed survey only its margins, quotas, min_sample, window and quality
  // thresholds (FailedPrecondition naming the field otherwise). The status
  // is not changed here. Stage rule: surveys.
  virtual Status PutSurvey(const core::survey::Survey& survey) = 0;
  // draft → open → closed, closed → open (reopen); nothing else. Stage rule: surveys.
  virtual Status SetSurveyStatus(const std::string& survey_id,
                                 core::survey::SurveyStatus status) = 0;
  // Issues codes (hashes only), one audit record for the lot (count, group,
  // SHA-256 of the hashes). Stage rule: surveys.
  virtual Status AddInvitationCodes(const std::vector<core::survey::InvitationCode>& codes) = 0;
  // The office's review of a flagged response: accepted or rejected, with a
  // note. Refused unless the response is flagged. Stage rule: surveys.
  virtual Status ReviewResponse(const std::string& survey_id, int64_t response_id,
                                core::survey::ResponseStatus status, const std::string& note) = 0;
  virtual Status PutOpinionTopics(int year, const std::vector<OpinionTopic>& topics) = 0;
  // Adds opinions (ids set by the store); one already present for the same
  // (response, question) is skipped. Returns how many were added.
  virtual Result<int64_t> AddOpinions(std::vector<Opinion>& opinions) = 0;
  // Replaces an opinion's routing, state, answer and note fields.
  virtual Status UpdateOpinion(const Opinion& opinion) = 0;
  // Replaces the survey's computed results (one audit record with their hash).
  virtual Status PutSurveyResults(const std::string& survey_id,
                                  const std::vector<SurveyResultRow>& rows) = 0;
  // Records that `survey_id` supplied these units' satisfaction for its year
  // (several surveys of a year combine when they cover different units). A
  // unit whose satisfaction another survey of the year supplied, or the
  // office entered by hand (migration 0019), is refused —
  // FailedPrecondition naming `replace`, the first few such units and the
  // other survey or "hand-entered" — unless `replace`; the same survey again
  // is allowed. Audited: survey.satisfaction, or survey.satisfaction.replace
  // with the replaced units and surveys ("manual" for a hand entry) as its
  // before. Stage rule: scores.
  virtual Status SetSatisfactionSources(const std::string& survey_id,
                                        const std::vector<std::string>& unit_ids, bool replace) = 0;
  // 手工录入: the office typed `unit_id`'s satisfaction (or its SE) in by hand
  // (migration 0019). A unit whose satisfaction a survey supplied is refused
  // — FailedPrecondition naming `replace` and the survey — unless `replace`.
  // Otherwise the unit's source becomes "manual" (who, when), or none when
  // `cleared` (the satisfaction was set to null: nothing supplies it).
  // Audited: satisfaction.manual, or satisfaction.manual.replace with the
  // replaced survey as its before. Stage rule: scores.
  virtual Status SetManualSatisfactionSource(int year, const std::string& unit_id, bool cleared,
                                             bool replace) = 0;
  // ---- end surveys ----
};

class Store : public UserReader,
              public YearReader,
              public SchemeReader,
              public YearDataReader,
              public OrgReader,
              public AuditReader,
              public SettingReader,
              public MonitoringReader,
              public ResultUseReader,
              public PublicationReader,
              public YearEndReader,
              public RectificationReader,
              public AssessmentProjectReader,
              public BulletinReader,
              public SurveyReader {
 public:
  ~Store() override = default;

  // Runs `fn` in one write transaction (guarantee 1).
  virtual Status Write(const Actor& actor, const std::function<Status(WriteTx&)>& fn) = 0;

  // How many write transactions this Store object has committed: read from
  // memory, no query. Caches compare it to know at once that this process
  // changed something; it does not see other processes' writes (those are
  // picked up by the caches' periodic re-check).
  virtual uint64_t LocalCommits() const = 0;

  // One write in its own transaction (shorthands for Write).
  Status PutUser(const Actor& a, const User& u) {
    return Write(a, [&](WriteTx& t) { return t.PutUser(u); });
  }
  Status CreateSession(const Actor& a, const Session& s) {
    return Write(a, [&](WriteTx& t) { return t.CreateSession(s); });
  }
  Status DeleteSession(const Actor& a, const std::string& token_hash) {
    return Write(a, [&](WriteTx& t) { return t.DeleteSession(token_hash); });
  }
  Status PutYear(const Actor& a, const YearInfo& y) {
    return Write(a, [&](WriteTx& t) { return t.PutYear(y); });
  }
  Status SaveScheme(const Actor& a, const core::Scheme& s) {
    return Write(a, [&](WriteTx& t) { return t.SaveScheme(s); });
  }
  Status SaveYearData(const Actor& a, int year, const core::YearData& d) {
    return Write(a, [&](WriteTx& t) { return t.SaveYearData(year, d); });
  }
  Status PutDatum(const Actor& a, int year, const core::Datum& d) {
    return Write(a, [&](WriteTx& t) { return t.PutDatum(year, d); });
  }
};

struct OpenOptions {
  // Create the audit key file (store/audit_key.h) when it is missing. Off for
  // checks (`govperf audit verify`), which must not write: a missing key is
  // then an error.
  bool create_audit_key = true;
};

// Opens (creating if absent) a SQLite database file in WAL mode, applies any
// pending numbered migrations, and reads (or creates) the audit chain's key
// next to the file. ":memory:" has an unkeyed chain.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const Clock& clock = SystemClock(),
                                               const OpenOptions& options = {});

}  // namespace govperf::store
