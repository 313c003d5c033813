#include "server/public_cache.h"

namespace govperf::server {

std::shared_ptr<const PublicCache::Entry> PublicCache::Find(int year,
                                                            std::pair<int64_t, int64_t> versions) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(year);
  if (it == entries_.end() || it->second->versions != versions) return nullptr;
  return it->second;
}

std::shared_ptr<const PublicCache::Entry> PublicCache::Put(int year,
                                                           std::pair<int64_t, int64_t> versions,
                                                           std::string body) {
  auto entry = std::make_shared<Entry>();
  entry->versions = versions;
  entry->body = std::move(body);
  entry->etag = "\"r" + std::to_string(year) + "-" + std::to_string(versions.first) + "-" +
                std::to_string(versions.second) + "\"";
  std::lock_guard<std::mutex> lock(mu_);
  entries_[year] = entry;
  return entry;
}

}  // namespace govperf::server
