#include "core/survey/quality.h"

#include <cstdio>
#include <set>

namespace govperf::core::survey {

std::vector<std::string> QualityReasons(const Survey& survey, const Answers& answers,
                                        const Paradata& p) {
  std::vector<std::string> out;
  if (p.started_at_ms == 0 && p.submitted_at_ms == 0) {
    out.push_back("no_paradata");
  } else {
    const int64_t elapsed = p.submitted_at_ms - p.started_at_ms;
    const int64_t floor_ms =
        static_cast<int64_t>(survey.speeder_ms_per_question) * static_cast<int64_t>(answers.size());
    if (elapsed < 0 || elapsed < floor_ms) out.push_back("speeder");
  }
  std::set<int> values;
  int scale_answers = 0;
  for (const auto& [id, a] : answers) {
    if (!a.scale) continue;
    ++scale_answers;
    values.insert(*a.scale);
  }
  if (survey.straightline_min_answers > 0 && scale_answers >= survey.straightline_min_answers &&
      values.size() == 1) {
    out.push_back("straight_line");
  }
  return out;
}

std::string AnswerFingerprint(const Answers& answers) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64 offset basis
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xFF;  // field separator: no byte of UTF-8 text is 0xFF
    h *= 1099511628211ull;
  };
  for (const auto& [id, a] : answers) {
    mix(id);
    if (a.dont_know) {
      mix("d");
    } else if (a.scale) {
      mix("s" + std::to_string(*a.scale));
    } else {
      mix("t" + a.text);
    }
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string JoinReasons(const std::vector<std::string>& reasons) {
  std::string out;
  for (const std::string& r : reasons) out += (out.empty() ? "" : ",") + r;
  return out;
}

}  // namespace govperf::core::survey
