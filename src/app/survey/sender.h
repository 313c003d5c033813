// 邀请发送 how invitations reach respondents: an interface with one method,
// so that a real installation plugs in its SMS gateway or mail merge, and
// the built-in file sender (the demo's, and what tests read back).
#pragma once

#include <mutex>
#include <string>

#include "core/status.h"

namespace govperf::app::survey {

struct Recipient {
  std::string to;    // phone number or address, as the office's list has it
  std::string name;  // optional: how the message greets the invitee
};

struct InvitationMessage {
  std::string survey_id;
  std::string code;  // the invitation code, in plain text (it is shown once)
  std::string link;  // <public-url>/s/<survey id>?code=<code>
  std::string text;  // the message as sent, zh-CN
};

class Sender {
 public:
  virtual ~Sender() = default;
  // Sends one message; a failure is this recipient's only (the caller goes
  // on with the next). Must be thread-safe.
  virtual Status Send(const Recipient& recipient, const InvitationMessage& message) = 0;
};

// Appends one JSON line per message to a spool file ({"to", "name",
// "survey_id", "code", "link", "text"}), flushed before Send returns; another
// program (or the office) picks the lines up. The file is created with the
// first message, owner-only: it holds live codes.
class FileSender : public Sender {
 public:
  explicit FileSender(std::string path) : path_(std::move(path)) {}
  Status Send(const Recipient& recipient, const InvitationMessage& message) override;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex mu_;
};

}  // namespace govperf::app::survey
