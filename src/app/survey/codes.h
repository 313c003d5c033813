// 邀请码 one-time invitation codes for an SMS or letter campaign. A code is
// shown once, when issued, and stored only as its SHA-256; it carries the
// respondent group and optional fixed raking cells (e.g. the district) and
// unit. One response per code (the response journal enforces it).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app::survey {

inline constexpr int kMaxCodesPerIssue = 100000;

struct CodeRequest {
  std::string survey_id;
  int count = 0;         // 1..kMaxCodesPerIssue
  std::string group_id;  // a group of the survey
  std::map<std::string, std::string> cells;  // variable → level, e.g. {"district": "D03"}
  std::string unit_id;   // optional: the unit the invitee rates
};

// Issues new codes (admin, or the program itself) for a draft or open survey
// and returns them in plain text, in issue order. One audited write.
Result<std::vector<std::string>> IssueCodes(store::Store& store, const Caller& caller,
                                            const CodeRequest& request);

// The CSV of issued codes for a letter or SMS campaign, one row per code in
// issue order, LF line ends. The first column is always `code` (the load and
// crash tools read it). `link_base`: nullopt → the `code` column alone; ""
// → a `link` column of relative links `/s/<survey>?code=<code>`; a public
// base URL (CheckPublicUrl) → absolute links `<base>/s/<survey>?code=<code>`,
// what a letter or SMS needs.
std::string CodesCsv(const std::vector<std::string>& codes, const std::string& survey_id,
                     const std::optional<std::string>& link_base);

// A public base URL (`https://pj.example.gov.cn`, optionally with a path):
// http:// or https:// and a host, no spaces, quotes, commas or angle
// brackets (it is written into CSV cells, SMS texts and QR codes). The
// error names `field`.
Status CheckPublicUrl(const std::string& url, const std::string& field = "public_url");

// The code as typed, normalised (upper case, spaces and '-' removed) and
// hashed: what the store keeps and looks up.
std::string NormaliseCode(const std::string& typed);
std::string CodeHash(const std::string& typed);

}  // namespace govperf::app::survey
