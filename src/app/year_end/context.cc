#include "app/year_end/context.h"

#include "app/limits.h"

namespace govperf::app::year_end {

Status RequireYearEnd(YearCache& years, int year) {
  auto info = years.Year(year);
  if (!info.ok()) return info.status();
  if (info->stage == core::Stage::kYearEnd) return Status::Ok();
  const std::string ys = std::to_string(year);
  return Status(Code::kFailedPrecondition, "year " + ys + " is in stage " +
                                               core::StageName(info->stage) +
                                               ": the year-end assessment runs in year_end")
      .Zh(ys + " 年度处于「" + core::StageNameZh(info->stage) + "」阶段，年终考核仅在「" +
          core::StageNameZh(core::Stage::kYearEnd) + "」阶段进行");
}

Result<LeafOfUnit> ResolveLeaf(YearCache& years, int year, const std::string& indicator_id,
                               const std::string& unit_id) {
  const std::string ys = std::to_string(year);
  GOVPERF_RETURN_IF_ERROR(CheckId("indicator_id", indicator_id));
  GOVPERF_RETURN_IF_ERROR(CheckId("unit_id", unit_id));
  LeafOfUnit c;
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  c.scheme = *scheme;
  bool has_children = false;
  for (const core::Indicator& i : c.scheme->indicators) {
    if (i.id == indicator_id) c.leaf = &i;
    if (i.parent_id == indicator_id) has_children = true;
  }
  if (!c.leaf || has_children) {
    return Status::NotFound("indicator_id: no leaf indicator '" + indicator_id + "' in " + ys)
        .Field("indicator_id")
        .Zh("indicator_id：" + ys + " 年度没有末级指标 '" + indicator_id + "'");
  }
  for (const core::Unit& u : c.scheme->units) {
    if (u.id == unit_id) c.unit = &u;
  }
  if (!c.unit) {
    return Status::NotFound("unit_id: no unit '" + unit_id + "' in " + ys)
        .Field("unit_id")
        .Zh("unit_id：" + ys + " 年度没有单位 '" + unit_id + "'");
  }
  if (!IsAssessed(*c.leaf, *c.unit)) {
    return Status::Invalid("unit_id: unit " + unit_id + " is not assessed on indicator " +
                           indicator_id)
        .Field("unit_id")
        .Zh("unit_id：单位 " + unit_id + " 不考核指标 " + indicator_id);
  }
  return c;
}

bool IsOwnUnit(const Caller& caller, const std::string& unit_id) {
  return (caller.role == core::Role::kUnit || caller.role == core::Role::kLead) &&
         !caller.unit_id.empty() && caller.unit_id == unit_id;
}

Status CheckEvidence(const std::string& file_name, const std::string& bytes) {
  GOVPERF_RETURN_IF_ERROR(CheckText("name", file_name, kMaxNameChars, true));
  if (file_name.find_first_of("/\\") != std::string::npos) {
    return Status::Invalid("name: a file name without folders").Field("name");
  }
  if (bytes.empty()) return Status::Invalid("file: empty").Field("file").Zh("file：文件为空");
  if (bytes.size() > monitoring::kMaxEvidenceBytes) {
    return Status::Invalid("file: larger than 10 MiB").Field("file").Zh("file：文件超过 10 MiB");
  }
  if (!monitoring::DetectEvidenceType(bytes)) {
    return Status::Invalid(
               "file: not an accepted type (PDF, PNG, JPEG, docx, xlsx, pptx, doc, xls) by its "
               "content")
        .Field("file")
        .Zh("file：按文件内容判断，不是允许的类型（PDF、PNG、JPEG、docx、xlsx、pptx、doc、xls）");
  }
  return Status::Ok();
}

Result<store::EvidenceRef> StoreEvidence(store::WriteTx& tx, const Caller& caller,
                                         const std::string& file_name, const std::string& bytes) {
  GOVPERF_RETURN_IF_ERROR(CheckEvidence(file_name, bytes));
  store::EvidenceFile f{"", *monitoring::DetectEvidenceType(bytes), bytes};
  GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
  store::EvidenceRef ref;
  ref.sha256 = f.sha256;
  ref.file_name = file_name;
  ref.content_type = f.content_type;
  ref.size = static_cast<int64_t>(bytes.size());
  ref.added_by = caller.username;
  return ref;
}

}  // namespace govperf::app::year_end
