// A SQLite VFS that coalesces the appends a transaction makes to its WAL
// file into few large writes (docs/design/store.md "WAL appends in one
// write").
//
// SQLite writes each WAL frame as two pwrite calls (its 24-byte header, then
// the page): a survey batch of a hundred responses dirties a few hundred
// pages, so the journal's writer made close to a thousand system calls per
// commit. Through this VFS the WAL file's contiguous appends collect in a
// buffer that reaches the file before any read, size or truncate of it and
// at the latest at the commit's sync — before the transaction becomes
// visible to other connections, which only read frames that the WAL index
// lists after that sync.
//
// Only for connections with synchronous=FULL (every commit syncs its WAL);
// other files (the database, its shared memory, journals) are the default
// VFS's own, untouched.
#pragma once

#include <cstddef>

namespace govperf::store::sqlite {

// Registers the VFS once (not as the default) and returns its name, for
// sqlite3_open_v2.
const char* WalBufferVfs();

// Counters for tests and benchmarks (all WAL files through the VFS).
struct WalBufferStats {
  std::size_t appends = 0;  // writes SQLite made to WAL files
  std::size_t writes = 0;   // writes that reached the files
};
WalBufferStats WalBufferCounts();

}  // namespace govperf::store::sqlite
