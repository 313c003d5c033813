// 社会评价 computed satisfaction per unit and group (migration 0017).
// Placeholder: the implementations land with the survey aggregation work.
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {
Status TodoResults() { return {Code::kInternal, "survey results: not implemented yet"}; }
}  // namespace

Result<std::vector<SurveyResultRow>> SqliteStore::ListSurveyResults(const std::string&) {
  return TodoResults();
}
Status SqliteStore::PutSurveyResultsTx(const Actor&, const std::string&,
                                       const std::vector<SurveyResultRow>&) {
  return TodoResults();
}

}  // namespace govperf::store::sqlite
