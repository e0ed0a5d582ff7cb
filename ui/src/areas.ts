/** The work areas in the navigation, in the order a clerk meets them. */
export interface Area {
  key: string;
  path: string;
  label: string;
  /** What the area does, shown while it is not built yet. */
  purpose?: string;
}

export const areas: Area[] = [
  { key: "catalog", path: "/catalog", label: "事项目录", purpose: "基层政务公开事项标准目录的维护与检索" },
  { key: "records", path: "/records", label: "公开记录", purpose: "公开属性认定、三审、保密审查、发布登记与时限跟踪" },
  { key: "payouts", path: "/payouts", label: "补贴清册", purpose: "惠民惠农补贴发放清册的导入、校验、脱敏、分村公示与归档" },
  { key: "boards", path: "/boards", label: "公开栏", purpose: "村务/政务公开栏版面与公示单打印" },
  { key: "plan", path: "/plan", label: "工作要点", purpose: "年度政务公开工作要点任务分解、进展与佐证材料" },
  { key: "documents", path: "/documents", label: "规范性文件", purpose: "规范性文件库：效力状态、政策解读与年度清理" },
  { key: "requests", path: "/requests", label: "依申请公开", purpose: "申请登记、法定期限与答复" },
  { key: "report", path: "/report", label: "年度报告", purpose: "政府信息公开工作年度报告" },
  { key: "sync", path: "/sync", label: "同步", purpose: "与县级门户的数据同步" },
  { key: "settings", path: "/settings", label: "设置", purpose: "本镇概况、村（社区）、科室与人员、数据备份" },
];
