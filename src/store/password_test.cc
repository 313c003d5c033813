#include "store/password.h"

#include <gtest/gtest.h>

#include <set>

namespace govperf::store {
namespace {

TEST(StorePassword, HashVerifiesOnlyTheRightPassword) {
  Result<std::string> h = HashPassword("demo-admin-2026");
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword("demo-admin-2026", *h));
  EXPECT_FALSE(VerifyPassword("demo-admin-2027", *h));
  EXPECT_FALSE(VerifyPassword("", *h));
  EXPECT_FALSE(VerifyPassword("demo-admin-2026", ""));
  EXPECT_FALSE(VerifyPassword("demo-admin-2026", "not a hash"));
}

TEST(StorePassword, SamePasswordHashesDifferently) {
  // A random salt per hash: equal passwords must not be visible as equal hashes.
  Result<std::string> a = HashPassword("x");
  Result<std::string> b = HashPassword("x");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
}

TEST(StorePassword, TokensAreHexAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = NewToken();
    ASSERT_EQ(t.size(), 64u);
    EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
}

TEST(StorePassword, Sha256KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace govperf::store
