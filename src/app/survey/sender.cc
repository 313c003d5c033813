#include "app/survey/sender.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

namespace govperf::app::survey {

Status FileSender::Send(const Recipient& recipient, const InvitationMessage& message) {
  const std::string line =
      nlohmann::json{
          {"to", recipient.to},   {"name", recipient.name}, {"survey_id", message.survey_id},
          {"code", message.code}, {"link", message.link},   {"text", message.text}}
          .dump() +
      "\n";
  std::lock_guard<std::mutex> lock(mu_);
  // O_APPEND: whole lines even if another process appends to the same spool.
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::Internal("invitation spool " + path_ + ": " + std::strerror(errno));
  }
  size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(fd, line.data() + done, line.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      return Status::Internal("invitation spool " + path_ + ": " + why);
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return Status::Internal("invitation spool " + path_ + ": close failed");
  return Status::Ok();
}

}  // namespace govperf::app::survey
