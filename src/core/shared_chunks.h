// SharedChunks<T>: a vector whose copies share storage, in fixed-size chunks
// copied on write. Reads look like a const std::vector (size, [], iteration,
// random-access iterators); a write through the non-const operator[] copies
// only the one chunk it touches, and only when another copy still shares it.
//
// Why: a YearResult holds every (unit, leaf) score of a year (330,000 for a
// province with their traces). The results service hands out immutable
// snapshots of it after every single change; a snapshot is a copy of the
// result that shares all chunks, and the incremental engine's next change
// copies only the few chunks it rewrites (docs/design/engine-incremental.md,
// "Snapshots").
//
// Thread-safety: like std::vector for one object; distinct copies may be used
// from different threads (chunks are shared read-only; a writer copies a chunk
// whose use count is above one before writing to it). Two threads may write
// distinct elements of one object concurrently only when no chunk is shared
// (e.g. right after resize).
#pragma once

#include <compare>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <vector>

namespace govperf::core {

template <typename T, size_t kChunk = 16>
class SharedChunks {
 public:
  using value_type = T;
  using size_type = size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    const_iterator(const SharedChunks* v, size_t i) : v_(v), i_(i) {}
    reference operator*() const { return (*v_)[i_]; }
    pointer operator->() const { return &(*v_)[i_]; }
    reference operator[](difference_type n) const { return (*v_)[i_ + n]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      auto t = *this;
      ++i_;
      return t;
    }
    const_iterator& operator--() {
      --i_;
      return *this;
    }
    const_iterator operator--(int) {
      auto t = *this;
      --i_;
      return t;
    }
    const_iterator& operator+=(difference_type n) {
      i_ += n;
      return *this;
    }
    const_iterator& operator-=(difference_type n) {
      i_ -= n;
      return *this;
    }
    friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
    friend const_iterator operator+(difference_type n, const_iterator a) { return a += n; }
    friend const_iterator operator-(const_iterator a, difference_type n) { return a -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.i_ == b.i_;
    }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
      return a.i_ <=> b.i_;
    }

   private:
    const SharedChunks* v_ = nullptr;
    size_t i_ = 0;
  };
  using iterator = const_iterator;  // writes go through operator[] only

  SharedChunks() = default;
  SharedChunks(std::initializer_list<T> list) {
    for (const T& t : list) push_back(t);
  }
  SharedChunks(const std::vector<T>& list) {  // NOLINT: a vector converts implicitly
    for (const T& t : list) push_back(t);
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return (*chunks_[i / kChunk])[i % kChunk]; }
  const T& at(size_t i) const {
    if (i >= size_) throw std::out_of_range("SharedChunks::at");
    return (*this)[i];
  }
  const T& front() const { return (*this)[0]; }
  const T& back() const { return (*this)[size_ - 1]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }
  const_iterator cbegin() const { return begin(); }
  const_iterator cend() const { return end(); }

  // Unshares the element's chunk if another copy holds it.
  T& operator[](size_t i) { return (*Own(i / kChunk))[i % kChunk]; }

  void push_back(T t) {
    if (size_ % kChunk == 0) {
      chunks_.push_back(std::make_shared<std::vector<T>>());
      chunks_.back()->reserve(kChunk);
    }
    Own(chunks_.size() - 1)->push_back(std::move(t));
    ++size_;
  }
  void clear() {
    chunks_.clear();
    size_ = 0;
  }
  // Every chunk is allocated here (and owned by this object alone when new).
  void resize(size_t n) {
    while (size_ > n) {
      Own(chunks_.size() - 1)->pop_back();
      if (--size_ % kChunk == 0) chunks_.pop_back();
    }
    while (size_ < n) push_back(T{});
  }
  void reserve(size_t) {}

  // Whether the two share the chunk holding element i (tests, benchmarks).
  bool SharesChunkWith(const SharedChunks& o, size_t i) const {
    return chunks_[i / kChunk] == o.chunks_[i / kChunk];
  }

 private:
  std::vector<T>* Own(size_t c) {
    std::shared_ptr<std::vector<T>>& chunk = chunks_[c];
    if (chunk.use_count() > 1) chunk = std::make_shared<std::vector<T>>(*chunk);
    return chunk.get();
  }

  std::vector<std::shared_ptr<std::vector<T>>> chunks_;
  size_t size_ = 0;
};

}  // namespace govperf::core
