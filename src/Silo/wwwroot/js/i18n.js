// All of the page's words, one dictionary per language. Vietnamese is the default.
// A key missing from a language falls back to Vietnamese, then to the key itself.

export const LANGUAGES = ["vi", "en"];
export const DEFAULT_LANGUAGE = "vi";

const vi = {
  "app.title": "SlaGrid · Trung tâm điều hành",
  "skip": "Bỏ qua, đến nội dung chính",
  "app.subtitle": "Theo dõi hạn xử lý hồ sơ thủ tục hành chính",
  "lang.switch": "English",
  "lang.switchLabel": "Switch to English",
  "key.change": "Đổi khóa API",
  "key.heading": "Nhập khóa API",
  "key.intro": "Trang này đọc số liệu từ máy chủ SlaGrid. Nhập khóa API (quyền đọc hoặc quản trị) do quản trị viên cấp.",
  "key.label": "Khóa API",
  "key.submit": "Kết nối",
  "key.checking": "Đang kiểm tra khóa…",
  "key.stored": "Khóa được lưu trên trình duyệt này (localStorage).",
  "key.rejected": "Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi. Vui lòng nhập lại.",
  "key.empty": "Hãy nhập khóa API.",
  "fullscreen": "Toàn màn hình",
  "live.live": "Trực tiếp",
  "live.connecting": "Đang kết nối…",
  "live.reconnecting": "Mất kết nối, thử lại sau {seconds} giây",
  "live.offline": "Ngoại tuyến",
  "live.idle": "Chưa kết nối",
  "clock.label": "Giờ Việt Nam",
  "tree.heading": "Đơn vị",
  "tree.label": "Cây đơn vị hành chính",
  "tree.loading": "Đang tải danh sách đơn vị…",
  "tree.empty": "Chưa có đơn vị nào.",
  "tree.col.unit": "Đơn vị",
  "tree.col.open": "Đang xử lý",
  "tree.col.overdue": "Quá hạn",
  "tree.col.dueSoon": "Sắp đến hạn",
  "tree.col.onTime": "Đúng hạn",
  "tree.expand": "Mở rộng",
  "tree.collapse": "Thu gọn",
  "stat.open": "Đang xử lý",
  "stat.overdue": "Quá hạn",
  "stat.dueSoon": "Sắp đến hạn",
  "stat.paused": "Tạm dừng",
  "stat.onTimeRatio": "Tỷ lệ đúng hạn",
  "stat.lateRatio": "Tỷ lệ trễ hạn",
  "stat.received": "Đã tiếp nhận",
  "stat.finishedEarly": "Xong trước hạn",
  "stat.finishedOnTime": "Xong đúng hạn",
  "stat.finishedLate": "Xong trễ hạn",
  "stat.flagged": "Vượt ngưỡng trễ hạn",
  "stat.flaggedHint": "Tỷ lệ trễ hạn đã chạm ngưỡng xếp loại",
  "stat.updated": "Cập nhật lúc {time}",
  "stat.notYet": "Chưa có số liệu",
  "headline.label": "Số liệu của đơn vị",
  "headline.none": "Chọn một đơn vị trong cây.",
  "dossiers.heading": "Hồ sơ quá hạn nhiều nhất",
  "dossiers.col.id": "Hồ sơ",
  "dossiers.col.procedureOfficer": "Thủ tục · Cán bộ",
  "dossiers.col.due": "Hạn xử lý",
  "dossiers.col.late": "Trễ",
  "dossiers.empty": "Không có hồ sơ đang xử lý.",
  "dossiers.lateBy": "trễ {duration}",
  "dossiers.leftIn": "còn {duration}",
  "dossiers.flag.paused": "Tạm dừng",
  "dossiers.flag.rescheduled": "Đã hẹn lại",
  "dossiers.flag.apologyLate": "Xin lỗi muộn",
  "dossiers.flag.secondSupplement": "Bổ sung lần 2",
  "dossiers.flag.overdue": "Quá hạn",
  "dossiers.flag.dueSoon": "Sắp đến hạn",
  "dossiers.originalDue": "Hạn ban đầu: {time}",
  "alerts.heading": "Cảnh báo",
  "alerts.col.kindDossier": "Loại · Hồ sơ",
  "alerts.col.unit": "Đơn vị",
  "alerts.col.created": "Thời điểm",
  "alerts.col.state": "Trạng thái",
  "alerts.empty": "Không có cảnh báo đang mở.",
  "alerts.ack": "Xác nhận",
  "alerts.acking": "Đang xác nhận…",
  "alerts.acked": "Đã xác nhận cảnh báo {kind} của hồ sơ {dossier}.",
  "alerts.new": "Cảnh báo mới: {kind}, hồ sơ {dossier}.",
  "alerts.ackLabel": "Xác nhận cảnh báo {kind} của hồ sơ {dossier}",
  "alerts.openCount": "{count} đang mở",
  "alerts.officer": "Cán bộ {id}",
  "alert.kind.due_soon": "Sắp đến hạn",
  "alert.kind.overdue": "Quá hạn",
  "alert.kind.escalated": "Quá hạn trên 2 ngày làm việc",
  "alert.kind.reschedule_limit": "Hẹn lại lần thứ hai",
  "alert.kind.second_supplement": "Yêu cầu bổ sung lần thứ hai",
  "alert.kind.unit_late_ratio": "Tỷ lệ trễ hạn của đơn vị",
  "alert.kind.officer_late_ratio": "Tỷ lệ trễ hạn của cán bộ",
  "alert.state.open": "Đang mở",
  "alert.state.acknowledged": "Đã xác nhận",
  "alert.state.resolved": "Đã kết thúc",
  "duration.minutes": "{n} phút",
  "duration.hours": "{n} giờ",
  "duration.days": "{n} ngày",
  "duration.daysHours": "{d} ngày {h} giờ",
  "error.title": "Lỗi",
  "error.network": "Không kết nối được máy chủ SlaGrid. Sẽ thử lại.",
  "error.forbidden": "Khóa API này không có quyền xem đơn vị này.",
  "error.dismiss": "Đóng",
  "error.code": "mã: {code}",
  "none": "—",
};

const en = {
  "app.title": "SlaGrid · Operations centre",
  "skip": "Skip to the main content",
  "app.subtitle": "Administrative dossier deadlines, live",
  "lang.switch": "Tiếng Việt",
  "lang.switchLabel": "Chuyển sang tiếng Việt",
  "key.change": "Change API key",
  "key.heading": "Enter an API key",
  "key.intro": "This page reads its figures from the SlaGrid server. Enter an API key (read or admin role) issued by your administrator.",
  "key.label": "API key",
  "key.submit": "Connect",
  "key.checking": "Checking the key…",
  "key.stored": "The key is kept in this browser (localStorage).",
  "key.rejected": "The API key is invalid, expired or revoked. Please enter it again.",
  "key.empty": "Please enter an API key.",
  "fullscreen": "Full screen",
  "live.live": "Live",
  "live.connecting": "Connecting…",
  "live.reconnecting": "Disconnected, retrying in {seconds} s",
  "live.offline": "Offline",
  "live.idle": "Not connected",
  "clock.label": "Vietnam time",
  "tree.heading": "Units",
  "tree.label": "Administrative unit tree",
  "tree.loading": "Loading units…",
  "tree.empty": "No units yet.",
  "tree.col.unit": "Unit",
  "tree.col.open": "Open",
  "tree.col.overdue": "Overdue",
  "tree.col.dueSoon": "Due soon",
  "tree.col.onTime": "On time",
  "tree.expand": "Expand",
  "tree.collapse": "Collapse",
  "stat.open": "Open",
  "stat.overdue": "Overdue",
  "stat.dueSoon": "Due soon",
  "stat.paused": "Paused",
  "stat.onTimeRatio": "On-time ratio",
  "stat.lateRatio": "Late ratio",
  "stat.received": "Received",
  "stat.finishedEarly": "Finished early",
  "stat.finishedOnTime": "Finished on time",
  "stat.finishedLate": "Finished late",
  "stat.flagged": "Late ratio over threshold",
  "stat.flaggedHint": "The late ratio has reached the rating threshold",
  "stat.updated": "Updated {time}",
  "stat.notYet": "No figures yet",
  "headline.label": "Figures for the unit",
  "headline.none": "Choose a unit in the tree.",
  "dossiers.heading": "Most overdue dossiers",
  "dossiers.col.id": "Dossier",
  "dossiers.col.procedureOfficer": "Procedure · Officer",
  "dossiers.col.due": "Due",
  "dossiers.col.late": "Late by",
  "dossiers.empty": "No open dossiers.",
  "dossiers.lateBy": "{duration} late",
  "dossiers.leftIn": "{duration} left",
  "dossiers.flag.paused": "Paused",
  "dossiers.flag.rescheduled": "Rescheduled",
  "dossiers.flag.apologyLate": "Late apology",
  "dossiers.flag.secondSupplement": "2nd supplement",
  "dossiers.flag.overdue": "Overdue",
  "dossiers.flag.dueSoon": "Due soon",
  "dossiers.originalDue": "Originally due: {time}",
  "alerts.heading": "Alerts",
  "alerts.col.kindDossier": "Kind · Dossier",
  "alerts.col.unit": "Unit",
  "alerts.col.created": "Created",
  "alerts.col.state": "State",
  "alerts.empty": "No open alerts.",
  "alerts.ack": "Acknowledge",
  "alerts.acking": "Acknowledging…",
  "alerts.acked": "Acknowledged the {kind} alert for dossier {dossier}.",
  "alerts.new": "New alert: {kind}, dossier {dossier}.",
  "alerts.ackLabel": "Acknowledge the {kind} alert for dossier {dossier}",
  "alerts.openCount": "{count} open",
  "alerts.officer": "Officer {id}",
  "alert.kind.due_soon": "Due soon",
  "alert.kind.overdue": "Overdue",
  "alert.kind.escalated": "Overdue over 2 working days",
  "alert.kind.reschedule_limit": "Second reschedule",
  "alert.kind.second_supplement": "Second supplement request",
  "alert.kind.unit_late_ratio": "Unit late ratio",
  "alert.kind.officer_late_ratio": "Officer late ratio",
  "alert.state.open": "Open",
  "alert.state.acknowledged": "Acknowledged",
  "alert.state.resolved": "Resolved",
  "duration.minutes": "{n} min",
  "duration.hours": "{n} h",
  "duration.days": "{n} d",
  "duration.daysHours": "{d} d {h} h",
  "error.title": "Error",
  "error.network": "Cannot reach the SlaGrid server. Retrying.",
  "error.forbidden": "This API key may not view this unit.",
  "error.dismiss": "Dismiss",
  "error.code": "code: {code}",
  "none": "—",
};

export const DICTIONARIES = Object.freeze({ vi: Object.freeze(vi), en: Object.freeze(en) });

const LOCALES = { vi: "vi-VN", en: "en-GB" };
const TIME_ZONE = "Asia/Ho_Chi_Minh";

let current = DEFAULT_LANGUAGE;

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = LANGUAGES.includes(lang) ? lang : DEFAULT_LANGUAGE;
  return current;
}

/** Translates a key, filling {name} placeholders from params. */
export function t(key, params) {
  const text = DICTIONARIES[current][key] ?? DICTIONARIES[DEFAULT_LANGUAGE][key] ?? key;
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Translates a key if the dictionary has it, else returns the fallback (used for open-ended codes). */
export function tOr(key, fallback) {
  return DICTIONARIES[current][key] ?? DICTIONARIES[DEFAULT_LANGUAGE][key] ?? fallback;
}

export function locale() {
  return LOCALES[current];
}

export function formatCount(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return t("none");
  }
  return new Intl.NumberFormat(locale()).format(value);
}

/** A ratio in [0, 1] as a percentage with one decimal; null or not a number gives a dash. */
export function formatRatio(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return t("none");
  }
  return new Intl.NumberFormat(locale(), {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A date-time shown in Vietnam's time zone, whatever the viewer's own zone. */
export function formatDateTime(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return t("none");
  }
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** A recent date-time, compact and the same in both languages: "22/11 06:19" (the year only if not this year). */
export function formatShortDateTime(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return t("none");
  }
  const parts = (d) =>
    Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
  const when = parts(date);
  const year = when.year === parts(new Date()).year ? "" : `/${when.year}`;
  return `${when.day}/${when.month}${year} ${formatClock(date, false)}`;
}

export function formatClock(date, withSeconds = true) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    second: withSeconds ? "2-digit" : undefined,
    hourCycle: "h23",
  }).format(date);
}

export function formatDate(date) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(date);
}

/** A span of wall-clock time (milliseconds, sign ignored) in minutes, hours or days and hours. */
export function formatDuration(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  if (minutes < 60) {
    return t("duration.minutes", { n: minutes });
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return t("duration.hours", { n: hours });
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? t("duration.days", { n: days }) : t("duration.daysHours", { d: days, h: rest });
}
