// The content hash of a year's data is streamed (YearDataDigest) but must stay
// the hash of the canonical document io::YearDataToJson(d).dump(): audit
// records written before and after the change name the same content alike.
#include "store/codec.h"

#include <gtest/gtest.h>

#include "io/scheme_json.h"
#include "store/password.h"

namespace govperf::store {
namespace {

std::string DocumentHash(const core::YearData& d) {
  return Sha256Hex(io::YearDataToJson(d).dump());
}

core::YearData Varied() {
  core::YearData d;
  d.values.push_back({"1.1", "D01", "2025", 3.0, false, "op01", "lead01", ""});
  d.values.push_back({"1.1", "D02", "2025-03", 0.1, false, "", "", "说明：第一季度"});
  d.values.push_back({"1.2", "D01", "2025", std::nullopt, true, "op", "", "quote \" back\\slash"});
  d.values.push_back({"1.2", "D02", "2025", std::nullopt, false, "", "", "tab\tnew\nline\x01"});
  d.values.push_back({"1.3", "D03", "2025", -1.25e-7, false, "", "", "del\x7f"});
  d.values.push_back({"1.3", "D04", "2025", 1e21, false, "", "", "/ slash"});
  d.values.push_back({"1.3", "D05", "2025", 123456789.123456789, false, "", "", ""});
  d.satisfaction = {{"D01", 88.5}, {"D02", 90}, {"D10", 70.25}};
  d.leadership = {{"D01", 80}};
  d.satisfaction_se = {{"D02", 1.5}};
  d.inputs["D01"] = {{"budget", 1200.5}, {"staff", 40}};
  d.inputs["D02"] = {};  // an empty object still appears in the document
  core::Adjustment a;
  a.id = "adj-1";
  a.unit_id = "D01";
  a.kind = core::AdjustmentKind::kVeto;
  a.points = 0;
  a.veto_effect = core::VetoEffect::kFixLowest;
  a.reason_zh = "安全生产一票否决";
  a.reason_en = "work safety \"veto\"";
  a.evidence = "file.pdf";
  d.adjustments.push_back(a);
  a.id = "adj-2";
  a.kind = core::AdjustmentKind::kBonus;
  a.points = 1.5;
  a.veto_effect = core::VetoEffect::kCapQualified;
  d.adjustments.push_back(a);
  return d;
}

TEST(StoreCodec, StreamedYearDataHashEqualsTheDocumentHash) {
  const core::YearData d = Varied();
  EXPECT_EQ(YearDataContentHash(d), DocumentHash(d));
  EXPECT_EQ(YearDataContentHash(core::YearData{}), DocumentHash(core::YearData{}));
  core::YearData only_values;
  only_values.values = d.values;
  EXPECT_EQ(YearDataContentHash(only_values), DocumentHash(only_values));
  core::YearData only_head = d;
  only_head.values.clear();
  EXPECT_EQ(YearDataContentHash(only_head), DocumentHash(only_head));
}

TEST(StoreCodec, StreamedHashCrossesTheFlushBoundaryAndSeesEveryField) {
  core::YearData d = Varied();
  for (int i = 0; i < 5000; ++i) {  // several 64 KiB flushes
    d.values.push_back({"2." + std::to_string(i % 7), "D" + std::to_string(i),
                        "2025-" + std::to_string(1 + i % 12), i * 0.37, false, "u", "", ""});
  }
  const std::string h = YearDataContentHash(d);
  EXPECT_EQ(h, DocumentHash(d));
  core::YearData changed = d;
  changed.values[4321].note = "x";
  EXPECT_NE(YearDataContentHash(changed), h);
  changed = d;
  changed.values[17].no_data = true;
  EXPECT_NE(YearDataContentHash(changed), h);
  changed = d;
  changed.inputs["D02"]["x"] = 0;
  EXPECT_NE(YearDataContentHash(changed), h);
}

TEST(StoreCodec, DigestCountsWhatTheSummaryReports) {
  const core::YearData d = Varied();
  YearDataDigest g;
  g.Head(d);
  for (const auto& v : d.values) g.Value(v);
  const YearDataDigest::Counts c = g.counts();
  const std::string hash = g.Finish();
  EXPECT_EQ(YearDataSummaryJson(c, hash), YearDataSummaryJson(d, DocumentHash(d)));
  EXPECT_EQ(c.values, 7u);
  EXPECT_EQ(c.inputs, 2u);
}

TEST(StoreCodec, Sha256StreamEqualsOneShot) {
  Sha256 s;
  s.Update("a");
  s.Update("");
  s.Update("bc");
  EXPECT_EQ(s.HexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 empty;
  EXPECT_EQ(empty.HexDigest(), Sha256Hex(""));
}

}  // namespace
}  // namespace govperf::store
