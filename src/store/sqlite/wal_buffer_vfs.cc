#include "store/sqlite/wal_buffer_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace govperf::store::sqlite {
namespace {

// Appends gather up to this many bytes (31 frames of 4 KiB pages) before
// they are written anyway: SQLite's unix VFS writes at most 128 KiB - 1 per
// call (a larger write comes back short, as "disk full").
constexpr std::size_t kBufferCap = 0x1ffff;

std::atomic<std::size_t> g_appends{0};
std::atomic<std::size_t> g_writes{0};

// A WAL file: our header, then the real VFS's file object (its size is only
// known at run time, so it lives in the same allocation, after ours).
struct WalFile {
  sqlite3_file base;  // must be first: SQLite sees a sqlite3_file*
  sqlite3_file* real;
  std::vector<char>* buf;
  sqlite3_int64 buf_start;
};

sqlite3_file* RealOf(sqlite3_file* f) { return reinterpret_cast<WalFile*>(f)->real; }

int Flush(WalFile* f) {
  if (f->buf->empty()) return SQLITE_OK;
  g_writes.fetch_add(1, std::memory_order_relaxed);
  const int rc = f->real->pMethods->xWrite(f->real, f->buf->data(),
                                           static_cast<int>(f->buf->size()), f->buf_start);
  f->buf->clear();
  return rc;
}

int Close(sqlite3_file* p) {
  auto* f = reinterpret_cast<WalFile*>(p);
  int rc = Flush(f);
  const int closed = f->real->pMethods != nullptr ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
  delete f->buf;
  f->buf = nullptr;
  return rc != SQLITE_OK ? rc : closed;
}

int Read(sqlite3_file* p, void* out, int amt, sqlite3_int64 off) {
  auto* f = reinterpret_cast<WalFile*>(p);
  // A read that reaches into the buffered bytes sees them on the file.
  if (!f->buf->empty() && off + amt > f->buf_start &&
      off < f->buf_start + static_cast<sqlite3_int64>(f->buf->size())) {
    if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  }
  return f->real->pMethods->xRead(f->real, out, amt, off);
}

int Write(sqlite3_file* p, const void* data, int amt, sqlite3_int64 off) {
  auto* f = reinterpret_cast<WalFile*>(p);
  g_appends.fetch_add(1, std::memory_order_relaxed);
  const auto n = static_cast<std::size_t>(amt);
  const bool follows =
      !f->buf->empty() && off == f->buf_start + static_cast<sqlite3_int64>(f->buf->size());
  if (!follows || f->buf->size() + n > kBufferCap) {
    // Not an append to what is buffered (SQLite rewrites a frame of the
    // same transaction in place, or restarts the log at its start): what is
    // buffered goes first, in order.
    if (int rc = Flush(f); rc != SQLITE_OK) return rc;
    if (n > kBufferCap) {
      g_writes.fetch_add(1, std::memory_order_relaxed);
      return f->real->pMethods->xWrite(f->real, data, amt, off);
    }
    f->buf_start = off;
  }
  const char* bytes = static_cast<const char*>(data);
  f->buf->insert(f->buf->end(), bytes, bytes + n);
  return SQLITE_OK;
}

int Truncate(sqlite3_file* p, sqlite3_int64 size) {
  auto* f = reinterpret_cast<WalFile*>(p);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xTruncate(f->real, size);
}

int Sync(sqlite3_file* p, int flags) {
  auto* f = reinterpret_cast<WalFile*>(p);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xSync(f->real, flags);
}

int FileSize(sqlite3_file* p, sqlite3_int64* size) {
  auto* f = reinterpret_cast<WalFile*>(p);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xFileSize(f->real, size);
}

int Lock(sqlite3_file* p, int level) { return RealOf(p)->pMethods->xLock(RealOf(p), level); }
int Unlock(sqlite3_file* p, int level) { return RealOf(p)->pMethods->xUnlock(RealOf(p), level); }
int CheckReservedLock(sqlite3_file* p, int* out) {
  return RealOf(p)->pMethods->xCheckReservedLock(RealOf(p), out);
}
int FileControl(sqlite3_file* p, int op, void* arg) {
  auto* f = reinterpret_cast<WalFile*>(p);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xFileControl(f->real, op, arg);
}
int SectorSize(sqlite3_file* p) { return RealOf(p)->pMethods->xSectorSize(RealOf(p)); }
int DeviceCharacteristics(sqlite3_file* p) {
  return RealOf(p)->pMethods->xDeviceCharacteristics(RealOf(p));
}

// Version 1: a WAL file is never memory-mapped and has no shared memory.
const sqlite3_io_methods kWalMethods = {1,
                                        Close,
                                        Read,
                                        Write,
                                        Truncate,
                                        Sync,
                                        FileSize,
                                        Lock,
                                        Unlock,
                                        CheckReservedLock,
                                        FileControl,
                                        SectorSize,
                                        DeviceCharacteristics,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr};

sqlite3_vfs g_vfs;

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* real_vfs = static_cast<sqlite3_vfs*>(vfs->pAppData);
  if ((flags & SQLITE_OPEN_WAL) == 0) {
    // Everything but a WAL file is the real VFS's own object, in place.
    return real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
  }
  auto* f = reinterpret_cast<WalFile*>(file);
  f->base.pMethods = nullptr;
  f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + sizeof(WalFile));
  const int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (f->real->pMethods != nullptr) f->real->pMethods->xClose(f->real);
    return rc;
  }
  f->buf = new (std::nothrow) std::vector<char>();
  if (f->buf == nullptr) {
    f->real->pMethods->xClose(f->real);
    return SQLITE_NOMEM;
  }
  f->buf->reserve(64 * 1024);
  f->buf_start = 0;
  f->base.pMethods = &kWalMethods;
  return SQLITE_OK;
}

// The VFS's other methods are the real one's, called with the real VFS
// (they may read its own fields).
sqlite3_vfs* Real(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }
int Delete(sqlite3_vfs* v, const char* name, int sync_dir) {
  return Real(v)->xDelete(Real(v), name, sync_dir);
}
int Access(sqlite3_vfs* v, const char* name, int flags, int* out) {
  return Real(v)->xAccess(Real(v), name, flags, out);
}
int FullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
  return Real(v)->xFullPathname(Real(v), name, n, out);
}
void* DlOpen(sqlite3_vfs* v, const char* name) { return Real(v)->xDlOpen(Real(v), name); }
void DlError(sqlite3_vfs* v, int n, char* out) { Real(v)->xDlError(Real(v), n, out); }
void (*DlSym(sqlite3_vfs* v, void* h, const char* sym))(void) {
  return Real(v)->xDlSym(Real(v), h, sym);
}
void DlClose(sqlite3_vfs* v, void* h) { Real(v)->xDlClose(Real(v), h); }
int Randomness(sqlite3_vfs* v, int n, char* out) { return Real(v)->xRandomness(Real(v), n, out); }
int Sleep(sqlite3_vfs* v, int us) { return Real(v)->xSleep(Real(v), us); }
int CurrentTime(sqlite3_vfs* v, double* out) { return Real(v)->xCurrentTime(Real(v), out); }
int GetLastError(sqlite3_vfs* v, int n, char* out) {
  return Real(v)->xGetLastError(Real(v), n, out);
}
int CurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out) {
  return Real(v)->xCurrentTimeInt64(Real(v), out);
}

}  // namespace

const char* WalBufferVfs() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
    g_vfs = sqlite3_vfs{};
    g_vfs.iVersion = 2;  // up to xCurrentTimeInt64; no system-call overrides
    g_vfs.szOsFile = static_cast<int>(sizeof(WalFile)) + real->szOsFile;
    g_vfs.mxPathname = real->mxPathname;
    g_vfs.zName = "govperf-wal-buffer";
    g_vfs.pAppData = real;
    g_vfs.xOpen = Open;
    g_vfs.xDelete = Delete;
    g_vfs.xAccess = Access;
    g_vfs.xFullPathname = FullPathname;
    g_vfs.xDlOpen = DlOpen;
    g_vfs.xDlError = DlError;
    g_vfs.xDlSym = DlSym;
    g_vfs.xDlClose = DlClose;
    g_vfs.xRandomness = Randomness;
    g_vfs.xSleep = Sleep;
    g_vfs.xCurrentTime = CurrentTime;
    g_vfs.xGetLastError = GetLastError;
    g_vfs.xCurrentTimeInt64 = CurrentTimeInt64;
    sqlite3_vfs_register(&g_vfs, 0);
  });
  return g_vfs.zName;
}

WalBufferStats WalBufferCounts() {
  return {g_appends.load(std::memory_order_relaxed), g_writes.load(std::memory_order_relaxed)};
}

}  // namespace govperf::store::sqlite
