// The store conformance suite (store_conformance.h) on the SQLite backend.
#include "store/store_conformance.h"

namespace govperf::store::testing {
namespace {

Result<std::unique_ptr<Store>> OpenFreshSqlite(const std::string& dir, const Clock& clock) {
  return OpenSqliteStore(dir + "/conformance.db", clock);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance,
                         ::testing::Values(StoreBackend{"sqlite", OpenFreshSqlite}), BackendName);

}  // namespace
}  // namespace govperf::store::testing
