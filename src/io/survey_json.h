// 社会评价 survey definitions and answers as JSON (docs/design/survey.md).
// Strict: wrong types, unknown kinds and missing required fields are errors
// naming the JSON path ("questions[2].kind: expected scale, text or choice").
// Whether a definition makes sense as a whole (ids unique, weights, every
// scale value mapped …) is core/survey's check, not this parser's.
#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "core/survey/model.h"

namespace govperf::io {

// The whole survey: id, year, status and the definition.
nlohmann::json SurveyToJson(const core::survey::Survey& s);
// The definition only (what the store keeps in surveys.definition; id, year
// and status are columns). Canonical: keys sorted, numbers as given.
nlohmann::json SurveyDefinitionToJson(const core::survey::Survey& s);
// Reads a survey; fields absent keep `base`'s values (so a stored survey can
// be rebuilt from its columns plus the definition, and an edit can send only
// the definition).
Result<core::survey::Survey> SurveyFromJson(const nlohmann::json& j,
                                            const core::survey::Survey& base = {});

// Stored answers: scale → integer, don't know → null, choice → option id,
// text → string. Decodable without the questionnaire.
nlohmann::json AnswersToJson(const core::survey::Answers& answers);
Result<core::survey::Answers> AnswersFromJson(const nlohmann::json& j);

// variable → level
nlohmann::json CellsToJson(const std::map<std::string, std::string>& cells);
Result<std::map<std::string, std::string>> CellsFromJson(const nlohmann::json& j);

}  // namespace govperf::io
