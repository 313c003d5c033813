// Device tokens (HMAC, expiry, survey-bound), their key file, and the
// per-address rate limiter.
#include "app/survey/tokens.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "app/survey/rate_limit.h"
#include "store/store_testing.h"

namespace govperf::app::survey {
namespace {

TEST(SurveyDeviceTokens, MintVerifyForgeryExpiryAndSurvey) {
  const DeviceTokens tokens(std::string(32, 'k'), 3600);
  const DeviceToken t = tokens.Mint("sat", 1000);
  EXPECT_EQ(t.expires_at, 4600);
  EXPECT_EQ(t.token.rfind("4600.", 0), 0u);
  EXPECT_TRUE(tokens.Verify(t.token, "sat", 1000).ok());
  EXPECT_TRUE(tokens.Verify(t.token, "sat", 4600).ok());
  // Expired: 409-class, naming token.
  Status expired = tokens.Verify(t.token, "sat", 4601);
  EXPECT_EQ(expired.code(), Code::kFailedPrecondition);
  EXPECT_EQ(expired.field(), "token");
  // Another survey, a moved expiry, another key, garbage: invalid, naming token.
  EXPECT_EQ(tokens.Verify(t.token, "other", 1000).code(), Code::kInvalidArgument);
  std::string later = t.token;
  later.replace(0, 4, "9999");
  EXPECT_EQ(tokens.Verify(later, "sat", 1000).code(), Code::kInvalidArgument);
  const DeviceTokens other_key(std::string(32, 'x'), 3600);
  EXPECT_EQ(other_key.Verify(t.token, "sat", 1000).field(), "token");
  for (const char* bad : {"", ".", "1..", "abc.def.ghi", "1.00.00"}) {
    EXPECT_EQ(tokens.Verify(bad, "sat", 1000).field(), "token") << bad;
  }
  // Nonces differ: two tokens of the same second are different credentials.
  EXPECT_NE(tokens.Mint("sat", 1000).token, tokens.Mint("sat", 1000).token);
  EXPECT_EQ(tokens.Mac("address:127.0.0.1").size(), 64u);
  EXPECT_NE(tokens.Mac("address:127.0.0.1"), other_key.Mac("address:127.0.0.1"));
}

TEST(SurveyDeviceTokens, KeyFileIsMadeOnceOwnerOnlyAndReadBack) {
  store::testing::TempDir dir;
  const std::string path = TokenKeyPath(dir.File("city.db"));
  EXPECT_EQ(path, dir.File("city.db.survey-key"));
  auto made = LoadOrCreateTokenSecret(path);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->size(), 32u);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto again = LoadOrCreateTokenSecret(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *made);
  FILE* f = fopen(path.c_str(), "w");
  fputs("something else\n", f);
  fclose(f);
  EXPECT_EQ(LoadOrCreateTokenSecret(path).status().field(), "survey_key");
}

TEST(SurveyRateLimit, PerAddressPerMinuteWithRetryAfter) {
  RateLimiter limit(2);
  EXPECT_EQ(limit.Take("a", 6000), 0);
  EXPECT_EQ(limit.Take("a", 6001), 0);
  EXPECT_EQ(limit.Take("a", 6010), 50);  // the window 6000..6059 ends in 50 s
  EXPECT_EQ(limit.Take("b", 6010), 0);   // another address
  EXPECT_EQ(limit.Take("a", 6060), 0);   // the next minute
  RateLimiter off(0);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(off.Take("a", 6000), 0);
}

}  // namespace
}  // namespace govperf::app::survey
