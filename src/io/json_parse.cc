#include "io/json_parse.h"

#include <cctype>
#include <functional>
#include <istream>
#include <set>
#include <vector>

#include "core/text.h"

namespace govperf::io {
namespace {

using nlohmann::json;

// Thrown by the parse callback to stop at a limit; never leaves this file.
struct LimitReached {
  std::string message;
};

// Follows the parser's events to know the path of the value being read, so an
// error (ours or nlohmann's) can name it.
class PathTracker {
 public:
  explicit PathTracker(const JsonLimits& limits) : limits_(limits) {}

  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (frames_.size() >= limits_.max_depth) {
          Stop(Path(), "nested deeper than " + std::to_string(limits_.max_depth) + " levels");
        }
        CountElement();
        frames_.push_back({event == json::parse_event_t::array_start, {}, {}, 0});
        break;
      case json::parse_event_t::key:
        if (!frames_.empty()) {
          Frame& f = frames_.back();
          f.key = parsed.is_string() ? parsed.get<std::string>() : "";
          // nlohmann keeps the last of two equal keys: a silent overwrite.
          if (!f.keys.insert(f.key).second) Stop(Path(), "duplicate key");
        }
        break;
      case json::parse_event_t::value:
        CountElement();
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
    }
    return true;
  }

  // The path of the value being read: "indicators[3].points", "" at the root.
  std::string Path() const { return PathTo(/*with_current=*/true); }

 private:
  struct Frame {
    bool array = false;
    std::string key;             // objects: the member being read
    std::set<std::string> keys;  // objects: the members seen
    size_t count = 0;            // elements (members) started
  };

  // with_current: include the element of the innermost container being read
  // (its index is not counted yet: a value is counted once it has parsed).
  std::string PathTo(bool with_current) const {
    std::string out;
    for (size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      const bool top = i + 1 == frames_.size();
      if (top && !with_current) break;
      if (f.array) {
        out += "[" + std::to_string(top ? f.count : f.count - 1) + "]";
      } else if (!f.key.empty()) {
        if (!out.empty()) out += ".";
        out += core::EscapeForMessage(f.key, 40);
      }
    }
    return out;
  }

  void CountElement() {
    if (++values_ > limits_.max_values) {
      Stop(Path(), "more than " + std::to_string(limits_.max_values) + " values in all");
    }
    if (frames_.empty()) return;
    Frame& top = frames_.back();
    if (++top.count > limits_.max_elements) {
      Stop(PathTo(/*with_current=*/false), "more than " + std::to_string(limits_.max_elements) +
                                               (top.array ? " elements" : " members"));
    }
  }
  [[noreturn]] void Stop(const std::string& path, const std::string& what) const {
    throw LimitReached{(path.empty() ? "" : path + ": ") + what +
                       (limits_.note.empty() ? "" : " " + limits_.note)};
  }

  const JsonLimits& limits_;
  std::vector<Frame> frames_;
  size_t values_ = 0;
};

// nlohmann's message without its "[json.exception.parse_error.101] " tag.
std::string Detail(const json::exception& e) {
  std::string_view m = e.what();
  if (m.starts_with("[json.exception.")) {
    const size_t close = m.find("] ");
    if (close != std::string_view::npos) m.remove_prefix(close + 2);
  }
  return core::EscapeForMessage(m, 300);
}

template <typename Input>
Result<json> Parse(Input&& input, const std::string& what, const JsonLimits& limits) {
  PathTracker tracker(limits);
  auto located = [&](const std::string& detail) {
    const std::string path = tracker.Path();
    return Status::Invalid(what + ": " + (path.empty() ? "" : path + ": ") + detail);
  };
  try {
    return json::parse(std::forward<Input>(input), std::ref(tracker));
  } catch (const LimitReached& e) {
    return Status::Invalid(what + ": " + e.message);
  } catch (const json::parse_error& e) {
    return located("not valid JSON: " + Detail(e));
  } catch (const json::exception& e) {  // out_of_range 406: a number overflowing a double
    return located(Detail(e));
  } catch (const std::bad_alloc&) {
    return Status::Invalid(what + ": too large to read");
  }
}

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

Result<json> ParseJsonText(std::string_view text, const std::string& what,
                           const JsonLimits& limits) {
  if (Blank(text)) return Status::Invalid(what + ": not valid JSON: empty input");
  return Parse(text, what, limits);
}

Result<json> ParseJsonStream(std::istream& in, const std::string& what, const JsonLimits& limits) {
  // Skip leading whitespace to tell an empty input from a malformed one.
  while (in.good() && std::isspace(in.peek())) in.get();
  if (in.peek() == std::char_traits<char>::eof()) {
    return Status::Invalid(what + ": not valid JSON: empty input");
  }
  return Parse(in, what, limits);
}

}  // namespace govperf::io
