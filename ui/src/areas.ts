/** The work areas in the navigation, in the order a clerk meets them. */
export interface Area {
  key: string;
  path: string;
  label: string;
}

export const areas: Area[] = [
  { key: "catalog", path: "/catalog", label: "事项目录" },
  { key: "records", path: "/records", label: "公开记录" },
  { key: "payouts", path: "/payouts", label: "补贴清册" },
  { key: "boards", path: "/boards", label: "公开栏" },
  { key: "plan", path: "/plan", label: "工作要点" },
  { key: "documents", path: "/documents", label: "规范性文件" },
  { key: "requests", path: "/requests", label: "依申请公开" },
  { key: "report", path: "/report", label: "年度报告" },
  { key: "sync", path: "/sync", label: "同步" },
  { key: "settings", path: "/settings", label: "设置" },
];
