package org.supervisionhub.common;

/**
 * The catalog of stable error codes: every {@code code} a client can meet in a problem, in {@code errors[]} or in an
 * upload issue is one of these, with its usual HTTP status (for field-level codes: the status of the request that
 * reports them) and a one-line description in English and Chinese. Published in the OpenAPI document as the
 * {@code ErrorCode} schema; {@code ErrorCodeCatalogTest} keeps it and the code in step.
 */
public enum ErrorCode {

    // Request shape and generic field rules (Bean Validation constraints map here, see ProblemMapper)
    VALIDATION_FAILED(400, "One or more fields failed validation; see errors[]", "请求校验失败，详见 errors[]"),
    MALFORMED_JSON(
            400, "The body (or an NDJSON line) is not valid JSON or not the expected structure", "请求体不是合法 JSON 或结构不符"),
    NESTING_TOO_DEEP(400, "JSON objects and arrays nested deeper than the limit (hub.json)", "JSON 嵌套层级超过上限"),
    NUMBER_TOO_LONG(400, "A JSON number with more characters than the limit (hub.json)", "JSON 数值位数超过上限"),
    STRING_TOO_LONG(413, "A JSON string longer than the limit (hub.json)", "JSON 字符串长度超过上限"),
    UNKNOWN_FIELD(400, "A field that is not part of the contract", "契约中没有的字段"),
    TYPE_MISMATCH(400, "A value of the wrong type or format (number, date, enum constant ...)", "取值类型或格式错误（数字、日期、枚举等）"),
    REQUIRED(400, "A required value is missing or blank", "必填项缺失或为空"),
    LENGTH_OUT_OF_RANGE(400, "A text or list is shorter or longer than allowed", "文本或列表长度超出范围"),
    OUT_OF_RANGE(400, "A number is outside its allowed range", "数值超出允许范围"),
    TOO_MANY_DIGITS(400, "A number has more integer or fraction digits than allowed", "数值位数过多"),
    FORMAT_INVALID(400, "A value does not match its required pattern", "取值不符合规定格式"),
    DATE_OUT_OF_RANGE(400, "A date lies on the wrong side of today", "日期不在允许的时间范围内"),
    DATE_RANGE_INVALID(400, "The end of a period precedes its start", "结束日期早于开始日期"),
    INVALID(400, "A value breaks a constraint that has no more specific code", "取值不符合约束"),
    INVALID_VALUE(400, "A value cannot be used (rejected by the data store or by the mapping)", "取值无法使用"),
    NOT_ALLOWED(400, "A field that must not be sent in this combination", "此情形下不得提供该字段"),
    CURSOR_INVALID(
            400,
            "A paging cursor the hub did not hand out: pass the next of an earlier page unchanged",
            "分页游标无效，请原样传入此前返回的 next"),
    READ_ONLY(400, "A field set by the hub, not by the client", "该字段由平台生成，不可提交"),
    BAD_REQUEST(400, "The HTTP layer rejected the request", "请求无效"),

    // HTTP layer, authentication and authorisation
    UNAUTHENTICATED(401, "A valid bearer token is required", "需要有效的访问令牌"),
    FORBIDDEN(403, "The caller's roles do not allow this operation", "调用方角色无权执行此操作"),
    NOT_FOUND(404, "No resource at this path", "路径不存在"),
    METHOD_NOT_ALLOWED(405, "The path does not support this HTTP method", "该路径不支持此 HTTP 方法"),
    NOT_ACCEPTABLE(406, "The API cannot produce the requested media type", "无法提供所要求的媒体类型"),
    CONFLICT(409, "The request conflicts with the current state", "请求与当前状态冲突"),
    LENGTH_REQUIRED(411, "A body must be sent with a Content-Length", "请求体须带 Content-Length"),
    PAYLOAD_TOO_LARGE(413, "The body exceeds the size limit", "请求体超出大小限制"),
    UNSUPPORTED_MEDIA_TYPE(415, "The body's media type is not accepted", "不支持的请求体媒体类型"),
    RATE_LIMITED(429, "Too many requests from this client; retry after Retry-After", "请求过于频繁，请按 Retry-After 重试"),
    RATE_LIMIT_UNAVAILABLE(
            503,
            "The shared rate-limit store cannot be reached, so this fail-closed operation is refused; retry after "
                    + "Retry-After",
            "限流计数存储不可用，该操作暂不受理，请按 Retry-After 重试"),
    INTERNAL_ERROR(500, "Unexpected failure; quote the requestId when reporting it", "内部错误，请提供 requestId"),

    // Data store
    DUPLICATE(409, "A record with the same unique key already exists", "唯一键重复"),
    REFERENCE_CONFLICT(409, "The change refers to, or is referred to by, another record", "引用关系冲突"),
    CONCURRENT_UPDATE(409, "A concurrent change interfered; retry", "并发修改冲突，请重试"),
    DATABASE_UNAVAILABLE(
            503,
            "The database is unreachable or failing over; retry after Retry-After (writes are idempotent)",
            "数据库不可用或正在切换，请按 Retry-After 重试"),

    // National codes (common.code validators)
    CREDIT_CODE_INVALID(400, "Not a valid unified social credit code (GB 32100)", "统一社会信用代码无效"),
    ORG_CODE_INVALID(400, "Not a valid organisation code (GB 11714)", "组织机构代码无效"),
    ID_NUMBER_INVALID(400, "Not a valid resident ID number (GB 11643)", "居民身份证号码无效"),
    REGION_CODE_INVALID(400, "Not a valid administrative region code (GB/T 2260)", "行政区划代码无效"),
    ITEM_CODE_INVALID(400, "Not a valid supervision item code (14 digits)", "监管事项编码无效"),
    LIST_CODE_INVALID(400, "Not a valid implementation list code", "实施清单编码无效"),

    // Caller, departments and scope
    CALLER_DEPARTMENT_UNKNOWN(403, "The token carries no department, or one the hub does not know", "令牌未携带部门或部门未登记"),
    CALLER_REGION_UNKNOWN(403, "The token carries no region", "令牌未携带行政区划"),
    CALLER_REGION_INVALID(403, "The token's region claim is not a GB/T 2260 region code", "令牌的行政区划不是有效的 GB/T 2260 代码"),
    CALLER_DEPARTMENT_INVALID(403, "The token's department claim is not a department code", "令牌的部门编码无效"),
    DEPARTMENT_REQUIRED(400, "Name the department to act for", "须指定部门"),
    DEPARTMENT_NOT_FOUND(404, "No such department", "部门不存在"),
    DEPARTMENT_OUT_OF_SCOPE(403, "The department is outside the caller's scope", "部门超出调用方权限范围"),
    REGION_OUT_OF_SCOPE(403, "The region is outside the caller's (or the department's) region", "行政区划超出权限范围"),

    // Organisation registry
    REGION_NOT_FOUND(404, "No such region in the national table", "行政区划不存在"),
    REGION_ABOLISHED(422, "The region code is abolished; use its successor", "行政区划代码已撤销，请使用继任代码"),
    REGION_SUCCESSOR_INVALID(
            422, "A successor must be another active region, and only an abolished region has one", "继任行政区划无效"),
    DEPARTMENT_PARENT_INVALID(422, "The parent department does not exist or would make a cycle", "上级部门无效"),
    VERSION_MISMATCH(412, "If-Match does not name the stored version; read it again", "版本不一致，请重新读取"),

    // Catalog, claims and implementation lists
    ITEM_NOT_FOUND(404, "No such catalog item", "监管事项不存在"),
    ITEM_NOT_IN_USE(409, "The item is suspended or cancelled", "监管事项未在用"),
    ITEM_NOT_CLAIMABLE(422, "Main items are not claimed, their sub-items are", "主项不可认领"),
    ITEM_OUTSIDE_DEPARTMENT_SECTORS(422, "The item's sector is not among the department's", "事项不属于本部门条线"),
    ITEM_NOT_CLAIMED(400, "The department has not claimed the item", "本部门未认领该事项"),
    ITEM_HAS_SUB_ITEMS(422, "An item with sub-items cannot become a sub-item", "事项已有子项"),
    ITEM_NOT_INSPECTION(422, "Implementation lists belong to inspection sub-items", "实施清单仅适用于检查类子项"),
    ITEM_NOT_CHECKABLE(422, "A main item has no type; officers act on its typed sub-items", "主项不可用于执法资格核验"),
    ITEM_KIND_MISMATCH(400, "The item's type does not match the record's kind", "事项类型与记录种类不符"),
    PARENT_ITEM_NOT_FOUND(422, "The named main item does not exist", "主项不存在"),
    PARENT_ITEM_INVALID(422, "The named main item cannot be a parent", "主项不可作为上级"),
    CLAIM_NOT_FOUND(404, "No active claim of the item by the department", "未找到有效认领"),
    CLAIM_REQUIRED(409, "The department must claim the item first", "须先认领该事项"),
    IMPLEMENTATION_LIST_NOT_FOUND(404, "No implementation list of the item for the department", "实施清单不存在"),
    IMPLEMENTING_BODY_NOT_OWN(
            403,
            "A department publishes only lists it implements: the implementing body is its own credit code",
            "实施主体须为本部门（统一社会信用代码）"),
    LIST_CODE_MISMATCH(400, "The list code does not belong to this item and department", "实施清单编码与事项、部门不符"),

    // Subjects
    SUBJECT_NOT_FOUND(404, "No such subject", "监管对象不存在"),
    SUBJECT_TYPE_INVALID(400, "The subject type is not accepted here", "监管对象类型不适用"),
    FIELD_SOURCE_NOT_DESIGNATED(
            403,
            "Only the systems designated for the field may set it (credit level, credit listings); see errors[]",
            "该字段仅限指定系统报送（信用等级、信用名单），详见 errors[]"),

    // Officers and certificates (the team rule: officer.EnforcementTeam)
    CERTIFICATE_NOT_FOUND(404, "No enforcement certificate with this issuer and number", "执法证件不存在"),
    CERTIFICATE_EXPIRED(409, "The certificate's validity ended before the date", "执法证件已过期"),
    CERTIFICATE_NOT_YET_VALID(409, "The certificate's validity starts after the date", "执法证件尚未生效"),
    CERTIFICATE_SUSPENDED(409, "The certificate is suspended", "执法证件已暂扣"),
    CERTIFICATE_REVOKED(409, "The certificate is revoked", "执法证件已注销或吊销"),
    CERTIFICATE_CATEGORY_NOT_COVERED(
            400, "The item's sector is not among the certificate's enforcement categories", "执法证件不含该事项的执法门类"),
    CERTIFICATE_HOLDER_MISMATCH(409, "The certificate is held by another person", "执法证件持有人不符"),
    TOO_FEW_OFFICERS(400, "Fewer distinct qualified officers than the act requires", "合格执法人员人数不足"),
    CATEGORY_INVALID(400, "Not an enforcement category (a sector code)", "执法门类无效"),
    ACCOUNT_IN_USE(409, "The account belongs to another officer", "账号已被其他执法人员使用"),
    NOT_YOUR_CREDENTIAL(403, "Only the certificate's holder may show its electronic credential", "仅持证人可出示电子证件"),

    // Record uploads
    BODY_EMPTY(400, "The upload holds no records", "上传内容为空"),
    BODY_NOT_AN_ARRAY(400, "A JSON upload is an array of records", "JSON 上传须为记录数组"),
    NOT_AN_OBJECT(400, "A record is a JSON object", "记录须为 JSON 对象"),
    LINE_TOO_LONG(400, "An NDJSON line exceeds the line limit", "NDJSON 行超长"),
    ATOMIC_UPLOAD_TOO_LARGE(
            413,
            "An atomic upload holds more records than it may (it is validated whole before its one transaction)",
            "原子上传的记录数超过上限"),
    ATOMIC_JOB_UNSUPPORTED(400, "A job commits chunk by chunk and cannot be atomic", "异步任务不支持整体原子提交"),
    DRY_RUN_ASYNC_UNSUPPORTED(400, "A dry run answers in the request and cannot be a job", "试运行不支持异步任务"),
    DRY_RUN_UNSUPPORTED(400, "This inbound kind offers no dry run", "该接入类型不支持试运行"),
    UPLOAD_REJECTED(422, "An atomic upload was rejected as a whole", "原子上传被整体拒绝"),
    UPLOAD_JOB_NOT_FOUND(404, "No such upload job", "上传任务不存在"),
    UPLOAD_BODY_INCOMPLETE(
            400,
            "The upload's body broke off before its end (connection closed, or no data within the read timeout); "
                    + "nothing of the job is processed: send it again",
            "上传内容在结束前中断（连接关闭或读取超时），该任务未处理任何记录，请重新上传"),
    UPLOAD_JOB_LOST(
            503,
            "The hub could not keep the job while its body arrived (the receiving replica stopped, the database "
                    + "failed or the job's lease was lost); nothing of it is processed: send it again",
            "接收上传期间平台未能保持该任务（副本停止、数据库故障或租约丢失），未处理任何记录，请重新上传"),
    UPLOAD_JOB_INCOMPLETE(
            500,
            "Not every chunk the job received was committed, so the job failed instead of reporting success",
            "任务收到的分块未全部提交，任务失败而非报告成功"),
    UPLOAD_JOB_CHUNK_FAILED(
            500,
            "Processing failed repeatedly at the same chunk; the chunks before it are stored, the rest are not",
            "同一分块多次处理失败，此前分块已保存，其余未处理"),

    // File imports (xlsx/csv sheets run as upload jobs)
    FILE_TYPE_UNSUPPORTED(415, "The file is neither an xlsx workbook nor a CSV text file", "文件既不是 xlsx 工作簿也不是 CSV 文本"),
    FILE_UNREADABLE(
            400,
            "The file cannot be read as its type (a damaged or encrypted workbook, a zip bomb, no sheet, undecodable text)",
            "文件无法按其类型读取（工作簿损坏或加密、压缩炸弹、无工作表、文本无法解码）"),
    FILE_HEADERS_INVALID(
            400,
            "The first row does not hold the expected column headers (missing, unknown or repeated ones)",
            "首行表头不符合要求（缺少、未知或重复的列）"),
    HEADER_MISSING(400, "A column the sheet must have is not in its header row", "表头缺少必需的列"),
    HEADER_UNKNOWN(400, "A column of the header row is no field of the sheet's kind", "表头含有不属于该类型的列"),
    HEADER_REPEATED(400, "A column appears twice in the header row", "表头列重复"),
    CHARSET_UNSUPPORTED(400, "A CSV is read as UTF-8 or GB18030 only", "CSV 仅支持 UTF-8 或 GB18030 编码"),
    CELL_TOO_LONG(400, "A cell holds more characters than a cell may", "单元格字符数超过上限"),
    IMPORT_KIND_NOT_FOUND(404, "No standard import of this record kind, or no file kind of this adapter", "无此导入类型"),
    IMPORT_FILE_NOT_FOUND(
            404, "The upload job was not fed from a file, so it has no annotated copy", "该上传任务并非文件导入，没有带错误列的副本"),
    DRY_RUN_TOO_MANY_ROWS(
            413,
            "A dry run of a sheet answers in the request, so it reads at most hub.imports.max-dry-run-rows rows; "
                    + "try a part of the file, or import it as a job",
            "试运行在请求内应答，表格行数超过试运行上限；请截取部分行试运行，或直接导入"),
    RECORD_NOT_FOUND(404, "No such record", "记录不存在"),
    RECORD_KIND_CHANGED(409, "A stored record cannot change its kind", "已存记录不可变更种类"),
    DETAIL_NOT_ALLOWED(400, "A detail block of another record kind", "不属于该记录种类的明细块"),
    FORM_INVALID(400, "Not an inspection form (ON_SITE, OFF_SITE)", "检查形式无效"),
    RESULT_CODE_INVALID(400, "Not a random-inspection result code", "检查结果代码无效"),
    PROCEDURE_INVALID(400, "Not a penalty procedure (01, 02)", "处罚程序无效"),
    PENALTY_TYPE_INVALID(400, "Not a penalty type code (01-14)", "处罚种类代码无效"),
    FINE_AMOUNT_REQUIRED(400, "A fine needs its amount", "罚款须填写金额"),
    AMOUNT_INVALID(400, "A non-negative amount in yuan with at most two decimals", "金额无效"),
    DECISION_BEFORE_FILING(400, "The decision precedes the filing", "决定日期早于立案日期"),
    DECISION_AFTER_90_DAYS(200, "Warning: decided more than 90 days after filing", "警告：立案后超过 90 日作出决定"),
    CLOSING_BEFORE_FILING(400, "The case closed before it was filed or decided", "结案日期早于立案或决定日期"),
    REPORT_BEFORE_CLOSING(400, "A closed case is reported after its closing date", "结案记录须在结案后报送"),
    ENFORCEMENT_CATEGORY_INVALID(400, "Not an enforcement kind (MEASURE, EXECUTION)", "行政强制类别无效"),
    MEASURE_INVALID(400, "Not a measure code of the enforcement kind", "强制措施代码无效"),
    COMPLAINT_TYPE_INVALID(400, "Not a complaint type (COMPLAINT, REPORT)", "投诉举报类型无效"),
    ANONYMOUS_WITH_CONTACT(400, "An anonymous complaint carries no complainant name or phone", "匿名投诉不得含联系人信息"),
    PHONE_INVALID(400, "Not a phone number", "电话号码无效"),
    ACT_DATE_IN_FUTURE(400, "The act's date lies in the future", "行为日期晚于今天"),
    REPORTED_IN_FUTURE(400, "The report time lies in the future", "报送时间晚于当前时间"),
    REPORT_BEFORE_ACT(400, "A record is reported before its act", "报送时间早于行为日期"),

    // Random inspection (双随机) and permits
    DATE_OUTSIDE_PLAN(400, "The date lies outside the plan's period", "日期不在计划期间内"),
    PERMIT_ITEM_UNBOUND(200, "Warning: the permit item is not bound to a supervision item", "警告：许可事项未关联监管事项"),

    // 双随机 draws
    RANDOM_PLAN_NOT_FOUND(404, "No such sampling plan in the caller's scope", "抽查计划不存在"),
    RISK_MODEL_NOT_FOUND(404, "No risk model with this id is in effect", "该风险预警模型不存在或未生效"),
    DISCLOSURE_NOT_FOUND(
            404, "No such disclosure (or none in the caller's scope, or not public now)", "公示信息不存在（或不在公示期内）"),
    RECORD_NOT_DISCLOSABLE(
            409,
            "The record cannot be disclosed: not a penalty or a 双随机 inspection on an organisation, deleted, or its "
                    + "disclosure period has ended",
            "该记录不可公示：非对法人或组织的行政处罚或双随机检查结果、已删除或公示期已过"),
    DISCLOSURE_PERIOD_INVALID(400, "The disclosure period is outside what the credit rules allow", "公示期限超出信用规则允许的范围"),
    RANDOM_DRAW_NOT_FOUND(404, "No such draw in the caller's scope (or not published)", "抽取不存在（或未公开）"),
    RANDOM_DRAW_ALREADY_EXECUTED(409, "The draw has already been executed", "该抽取已执行"),
    RANDOM_DRAW_NOT_EXECUTED(409, "The draw has not been executed yet", "该抽取尚未执行"),
    RANDOM_DRAW_TOO_FEW_INSPECTORS(
            409,
            "Fewer eligible inspectors (valid certificates covering the items, no conflict, not the previous plan's) "
                    + "than a subject needs",
            "符合条件的检查人员不足（持有效执法证、覆盖事项门类、无回避、非上次检查人员）"),
    CREDIT_CLASS_INVALID(400, "Not a credit class (A, B, C or D)", "信用等级分类无效（A、B、C、D）"),

    // Joint supervision tasks (跨部门联合监管)
    JOINT_TASK_NOT_FOUND(404, "No such joint supervision task in the caller's scope", "联合监管任务不存在"),
    JOINT_TASK_PARTICIPANT_NOT_FOUND(404, "The department does not take part in the joint task", "该部门不是联合监管任务的参与部门"),
    JOINT_TASK_DEPARTMENT_INVALID(
            400, "A named department is unknown, inactive or outside the initiator's region", "部门不存在、已停用或不在发起方辖区内"),
    JOINT_TASK_ITEM_INVALID(400, "A named item is not an in-use catalog item", "监管事项不存在或未在用"),
    JOINT_TASK_REGION_INVALID(
            400,
            "A participating region is outside the initiator's, or none of its departments claims an item to check",
            "参与地区不在发起方辖区内，或其部门均未认领检查事项"),
    JOINT_TASK_STATE_INVALID(
            409,
            "The participant's step does not allow this (claim before handling or feedback)",
            "参与部门当前环节不允许此操作（须先认领）"),
    JOINT_TASK_ALREADY_FED_BACK(409, "The participant already fed back something else", "参与部门已反馈其他内容"),
    JOINT_TASK_NOT_ALL_FED_BACK(409, "Not every participant has fed back yet", "尚有参与部门未反馈"),
    JOINT_TASK_CLOSED(409, "The joint task is closed", "联合监管任务已结束"),
    JOINT_TASK_RECORD_INVALID(
            400,
            "A linked record is unknown, deleted, of another department or kind, or about a subject not in the task",
            "关联的监管行为记录不存在、已删除、非本部门、种类不符或监管对象不在任务中"),
    JOINT_VISIT_DATE_MISMATCH(
            400, "The records of one joint visit (进一次门) do not share one date", "同一次联合检查（进一次门）的记录日期不一致"),

    // Adapters (docked systems)
    ADAPTER_NOT_FOUND(404, "No such adapter", "适配器不存在"),
    ADAPTER_DISABLED(503, "The adapter is disabled", "适配器已停用"),
    ADAPTER_CLIENT_MISMATCH(403, "Only the adapter's own client may act as it", "仅适配器对应客户端可调用"),
    INBOUND_KIND_NOT_FOUND(404, "The adapter sends no payload of this kind", "适配器无此类入站数据"),
    PAYLOAD_UNEXPECTED(400, "The payload holds no records where the adapter expects them", "载荷结构不符合适配器定义"),
    MAPPING_FAILED(400, "A field could not be mapped by the adapter's rules", "字段映射失败"),
    STAGING_EXCHANGE_INVALID(
            422, "A staging-table row lacks cd_id or cd_batch, or its cd_operation is not i/u/d", "前置库交换字段无效"),
    STAGING_DELETE_UNSUPPORTED(
            422, "This target cannot be deleted through a staging table (cd_operation d)", "该目标不支持前置库删除"),
    MALFORMED_XML(400, "The body is not well-formed XML", "请求体不是格式正确的 XML"),
    XML_DTD_FORBIDDEN(
            400, "An XML body declares a DTD (no entities, no external references are read)", "XML 请求体不得声明 DTD"),

    // National platform: callbacks, sync, cases
    CALLBACK_UNSIGNED(401, "A callback carries no signature headers", "回调缺少签名"),
    CALLBACK_KEY_UNKNOWN(401, "Unknown callback key id", "回调密钥标识未知"),
    CALLBACK_TIMESTAMP_INVALID(401, "The callback timestamp is not epoch seconds", "回调时间戳无效"),
    CALLBACK_STALE(401, "The callback timestamp is too far from now", "回调时间戳超出允许偏差"),
    CALLBACK_NONCE_INVALID(401, "A callback nonce has 8-64 visible ASCII characters", "回调随机数无效"),
    CALLBACK_SIGNATURE_INVALID(401, "The callback signature does not verify", "回调签名校验失败"),
    CALLBACK_REPLAYED(401, "The callback nonce was used before", "回调重放"),
    NATIONAL_ID_INVALID(400, "nationalId: 1-64 letters, digits, _ . : -", "国家平台标识无效"),
    REVISION_INVALID(400, "revision is a positive integer", "版本号无效"),
    NATIONAL_PLATFORM_UNAVAILABLE(503, "The national platform cannot be reached", "国家平台不可用"),
    DEAD_LETTER_NOT_FOUND(404, "No such dead letter", "死信不存在"),
    CASE_NOT_FOUND(404, "No such case", "案件不存在"),
    FEEDBACK_ALREADY_SENT(409, "The case's feedback was already sent", "案件已反馈");

    private final int status;
    private final String description;
    private final String descriptionZh;

    ErrorCode(int status, String description, String descriptionZh) {
        this.status = status;
        this.description = description;
        this.descriptionZh = descriptionZh;
    }

    /** The usual HTTP status of a response carrying this code (200 for upload warnings). */
    public int status() {
        return status;
    }

    /** One line in English. */
    public String description() {
        return description;
    }

    /** One line in Chinese. */
    public String descriptionZh() {
        return descriptionZh;
    }
}
