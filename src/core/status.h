// Status and Result<T>: how every layer reports an expected failure.
//
// Guarantees: a Status is either ok() or carries a Code and a human-readable
// message that names the offending field or row. Exceptions are reserved for
// programming errors and for what ends the whole operation; anything a user can
// cause (bad input, unknown id, denied access) travels as a Status.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace govperf {

enum class Code {
  kOk = 0,
  kInvalidArgument,  // bad input: the message names the field or row
  kNotFound,         // unknown year, unit, indicator, route ...
  kAlreadyExists,
  kPermissionDenied,    // authenticated but not allowed
  kUnauthenticated,     // no or expired session
  kFailedPrecondition,  // e.g. year not in a state that allows the write
  kInternal,            // a bug or an I/O failure
  kResourceExhausted,   // too many attempts (login throttling): retry later
  kUnavailable,         // the server is saturated: retry later
};

// Stable machine-readable name of a code, used in the HTTP error envelope.
const char* CodeName(Code code);

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status Invalid(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status Denied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  static Status Precondition(std::string m) { return {Code::kFailedPrecondition, std::move(m)}; }

  // The field or row the error is about ("unit_id", "units[3].id"), for the
  // error envelope's details.field; and the message in Chinese, for callers
  // that answer in zh-CN. Both optional; chainable:
  //   return Status::Invalid("name_zh: too long").Field("name_zh").Zh("name_zh：过长");
  Status& Field(std::string field) & {
    field_ = std::move(field);
    return *this;
  }
  Status&& Field(std::string field) && { return std::move(Field(std::move(field))); }
  Status& Zh(std::string message_zh) & {
    message_zh_ = std::move(message_zh);
    return *this;
  }
  Status&& Zh(std::string message_zh) && { return std::move(Zh(std::move(message_zh))); }
  // Seconds after which a kResourceExhausted / kUnavailable call may be retried.
  Status& RetryAfter(int seconds) & {
    retry_after_ = seconds;
    return *this;
  }
  Status&& RetryAfter(int seconds) && { return std::move(RetryAfter(seconds)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }
  // The Chinese message when one was given, else the English one.
  const std::string& message_zh() const { return message_zh_.empty() ? message_ : message_zh_; }
  int retry_after() const { return retry_after_; }
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string field_;
  std::string message_zh_;
  int retry_after_ = 0;
};

// Result<T> holds either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: ok()
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // The status; Status::Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace govperf

// Return early from the enclosing function when a Status-returning expression fails.
#define GOVPERF_RETURN_IF_ERROR(expr) \
  do {                                \
    ::govperf::Status _st = (expr);   \
    if (!_st.ok()) return _st;        \
  } while (0)
