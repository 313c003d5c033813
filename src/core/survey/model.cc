#include "core/survey/model.h"

namespace govperf::core::survey {
namespace {

template <typename E, size_t N>
std::optional<E> Parse(const char* const (&names)[N], const std::string& s) {
  for (size_t i = 0; i < N; ++i) {
    if (s == names[i]) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Indexed by the enum's value: keep in the enum's order.
constexpr const char* kSurveyStatus[] = {"draft", "open", "closed"};
constexpr const char* kQuestionKind[] = {"scale", "text", "choice"};
constexpr const char* kResponseStatus[] = {"accepted", "flagged", "rejected"};

}  // namespace

const char* SurveyStatusName(SurveyStatus s) { return kSurveyStatus[static_cast<int>(s)]; }
std::optional<SurveyStatus> ParseSurveyStatus(const std::string& s) {
  return Parse<SurveyStatus>(kSurveyStatus, s);
}
const char* QuestionKindName(QuestionKind k) { return kQuestionKind[static_cast<int>(k)]; }
std::optional<QuestionKind> ParseQuestionKind(const std::string& s) {
  return Parse<QuestionKind>(kQuestionKind, s);
}
const char* ResponseStatusName(ResponseStatus s) { return kResponseStatus[static_cast<int>(s)]; }
std::optional<ResponseStatus> ParseResponseStatus(const std::string& s) {
  return Parse<ResponseStatus>(kResponseStatus, s);
}

}  // namespace govperf::core::survey
