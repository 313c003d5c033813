// Prebuilt responses of published years' public results: the body is
// rendered once per (year, data versions) and served as it is, with an ETag
// so browsers and proxies revalidate with a 304 instead of downloading again.
// Thread-safe. A year's entry is replaced when its versions move (a change
// to a published year is rare and always bumps the version: store.h).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace govperf::server {

class PublicCache {
 public:
  struct Entry {
    std::pair<int64_t, int64_t> versions;
    std::string body;
    std::string etag;  // quoted, as sent in the ETag header
  };
  // The entry of `year` when it was built from exactly `versions`.
  std::shared_ptr<const Entry> Find(int year, std::pair<int64_t, int64_t> versions);
  std::shared_ptr<const Entry> Put(int year, std::pair<int64_t, int64_t> versions,
                                   std::string body);

 private:
  std::mutex mu_;
  std::map<int, std::shared_ptr<const Entry>> entries_;
};

}  // namespace govperf::server
