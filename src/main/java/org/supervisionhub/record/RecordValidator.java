package org.supervisionhub.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.Hashes;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.CodeViolation;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.common.code.ImplementationListCodes;
import org.supervisionhub.common.code.ItemCodes;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.common.pii.PersonalData;
import org.supervisionhub.item.ItemStatus;
import org.supervisionhub.officer.EnforcementTeam;
import org.supervisionhub.record.ReferenceData.CertificateFacts;
import org.supervisionhub.record.ReferenceData.ClaimedItem;
import org.supervisionhub.record.ReferenceData.DepartmentClaims;
import org.supervisionhub.subject.SubjectType;

/**
 * Checks one uploaded record against the data standard and the reference snapshot, reporting every problem of the
 * record at once (field path, stable code, message), and turns a valid one into its canonical form: ID numbers and
 * phones hashed and masked, the body hashed for idempotency.
 */
@ApplicationScoped
public class RecordValidator {

    static final Pattern SOURCE_SYSTEM = Pattern.compile("[A-Za-z0-9_.-]{2,64}");
    /** 系统补录: records entered by hand name their source {@code manual:<the caller's department>}. */
    static final String MANUAL = "manual:";

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final int SHORT_TEXT = 200;
    private static final int LONG_TEXT = 4000;
    /** Tolerated clock difference with the reporting system. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /** What a batch is validated against. */
    record Context(String callerDepartment, ReferenceData.Snapshot snapshot, Set<String> existingItems, Instant now) {

        LocalDate today() {
            return now.atZone(WireTime.ZONE).toLocalDate();
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    PersonalData personalData;

    /**
     * Binds a record to the wire model, straight from its text where it came as text; a structural problem becomes the
     * record's one error.
     */
    Bound bind(RawRecord raw) {
        if (!raw.isText()) {
            return bind(mapper, raw.node());
        }
        try {
            return bind(mapper, raw.parser());
        } catch (IOException e) {
            return unreadable();
        }
    }

    private static Bound bind(ObjectMapper mapper, JsonNode node) {
        if (node == null || !node.isObject()) {
            return notAnObject();
        }
        return bind(mapper, mapper.treeAsTokens(node));
    }

    /** Binds the JSON value the parser is before; reads nothing after it. */
    private static Bound bind(ObjectMapper mapper, JsonParser parser) {
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return notAnObject();
            }
            return new Bound(mapper.readValue(parser, RecordInput.class), List.of());
        } catch (UnrecognizedPropertyException e) {
            return new Bound(
                    null,
                    List.of(new FieldError(path(e), "UNKNOWN_FIELD", "unknown field '" + e.getPropertyName() + "'")));
        } catch (InvalidFormatException e) {
            return new Bound(
                    null,
                    List.of(new FieldError(
                            path(e),
                            "TYPE_MISMATCH",
                            "value " + abbreviate(String.valueOf(e.getValue())) + " is not a valid "
                                    + e.getTargetType().getSimpleName())));
        } catch (JsonMappingException e) {
            // Jackson's own text names Java types and parser internals: the client gets the field and a plain reason.
            return new Bound(
                    null, List.of(new FieldError(path(e), "INVALID_VALUE", "the value cannot be held by this field")));
        } catch (JsonProcessingException e) {
            return new Bound(null, List.of(new FieldError("", "MALFORMED_JSON", e.getOriginalMessage())));
        } catch (IOException e) {
            return unreadable();
        }
    }

    private static Bound unreadable() {
        return new Bound(null, List.of(new FieldError("", "MALFORMED_JSON", "the record cannot be read")));
    }

    private static Bound notAnObject() {
        return new Bound(null, List.of(new FieldError("", "NOT_AN_OBJECT", "a record is a JSON object")));
    }

    /** A record bound to the wire model, or the structural error that prevented it. */
    record Bound(RecordInput input, List<FieldError> errors) {}

    /** Item codes the batch names that the department has not claimed (to tell unknown from unclaimed items). */
    static Set<String> unclaimedItemCodes(List<RecordInput> inputs, ReferenceData.Snapshot snapshot) {
        Set<String> codes = new HashSet<>();
        for (RecordInput input : inputs) {
            if (input != null
                    && input.itemCode() != null
                    && ItemCodes.isValid(input.itemCode())
                    && snapshot.department()
                            .map(d -> !d.items().containsKey(input.itemCode()))
                            .orElse(true)) {
                codes.add(input.itemCode());
            }
        }
        return codes;
    }

    RecordCheck validate(int index, Integer line, RecordInput in, Context context) {
        Checks checks = new Checks(context.snapshot());
        String sourceRecordId = in.sourceRecordId();
        checkSource(checks, in, context.callerDepartment());
        String department = context.callerDepartment();
        if (in.departmentCode() != null && !in.departmentCode().equals(department)) {
            checks.error(
                    "departmentCode",
                    "DEPARTMENT_OUT_OF_SCOPE",
                    "a caller uploads the records of its own department (" + department + ") only");
        }
        RecordOperation operation = in.operation() == null ? RecordOperation.INSERT : in.operation();
        if (operation == RecordOperation.DELETE) {
            return finish(index, line, in, checks, operation, context, null);
        }
        if (in.kind() == null) {
            checks.error("kind", "REQUIRED", "kind is required");
            return checks.rejected(index, line, sourceRecordId);
        }
        Optional<DepartmentClaims> claims = context.snapshot().department();
        ClaimedItem item = checkItem(checks, in, claims, context);
        LocalDate actDate = checkContent(checks, in, claims);
        checkReportTime(checks, in, actDate, context);
        checkOfficers(checks, in, item, actDate);
        return finish(index, line, in, checks, operation, context, actDate);
    }

    /**
     * The rules of the data standard that need no reference data (no catalog, claims, certificates, caller or clock):
     * the binding to the wire model, source fields, item code format, detail blocks, codes with their check
     * characters, texts, amounts and dates in order. {@link #validate} applies exactly these (and then the checks
     * against the reference snapshot); the offline docking kit checks a sample's canonical records with them.
     */
    public static List<FieldError> standardErrors(ObjectMapper mapper, JsonNode record) {
        Bound bound = bind(mapper, record);
        if (!bound.errors().isEmpty()) {
            return bound.errors();
        }
        RecordInput in = bound.input();
        Checks checks = new Checks(null);
        checkSource(checks, in, null);
        if (in.operation() == RecordOperation.DELETE) {
            return List.copyOf(checks.errors);
        }
        if (in.kind() == null) {
            checks.error("kind", "REQUIRED", "kind is required");
            return List.copyOf(checks.errors);
        }
        checkItemCode(checks, in);
        checkContent(checks, in, Optional.empty());
        return List.copyOf(checks.errors);
    }

    /**
     * sourceSystem and sourceRecordId; a manual entry ({@code manual:<department>}) must name the caller's department,
     * which is only checked with a caller ({@code callerDepartment} not null).
     */
    private static void checkSource(Checks checks, RecordInput in, String callerDepartment) {
        checkText(checks, "sourceSystem", in.sourceSystem(), 64, true);
        if (in.sourceSystem() != null && in.sourceSystem().startsWith(MANUAL)) {
            if (callerDepartment != null && !in.sourceSystem().equals(MANUAL + callerDepartment)) {
                checks.error(
                        "sourceSystem",
                        "DEPARTMENT_OUT_OF_SCOPE",
                        "a manual entry is the caller's own: manual:" + callerDepartment);
            }
        } else if (in.sourceSystem() != null
                && !SOURCE_SYSTEM.matcher(in.sourceSystem()).matches()) {
            checks.error(
                    "sourceSystem",
                    "FORMAT_INVALID",
                    "2-64 letters, digits, '_', '.' or '-', or manual:<the caller's department>");
        }
        checkText(checks, "sourceRecordId", in.sourceRecordId(), 64, true);
    }

    /** The record's content by the data standard; the region also against the department's, when claims are known. */
    private static LocalDate checkContent(Checks checks, RecordInput in, Optional<DepartmentClaims> claims) {
        checkDetailBlocks(checks, in);
        if (in.kind() == RecordKind.INSPECTION) {
            require(checks, "implementationListCode", in.implementationListCode());
        }
        if (in.implementationListCode() != null) {
            ImplementationListCodes.check(in.implementationListCode())
                    .ifPresent(v -> checks.error("implementationListCode", v));
        }
        checkImplementingBody(checks, in.implementingBody());
        checkSubject(checks, in);
        checkRegion(checks, in.regionCode(), claims);
        checkText(checks, "reporter", in.reporter(), SHORT_TEXT, false);
        LocalDate actDate = switch (in.kind()) {
            case INSPECTION -> checkInspection(checks, in.inspection());
            case PENALTY -> checkPenalty(checks, in.penalty(), in.reportedAt());
            case ENFORCEMENT -> checkEnforcement(checks, in.enforcement());
            case OTHER -> checkOther(checks, in.other());
            case COMPLAINT -> checkComplaint(checks, in.complaint());
        };
        return actDate;
    }

    private RecordCheck finish(
            int index,
            Integer line,
            RecordInput in,
            Checks checks,
            RecordOperation operation,
            Context context,
            LocalDate actDate) {
        if (checks.hasErrors()) {
            return checks.rejected(index, line, in.sourceRecordId());
        }
        CanonicalRecord record = operation == RecordOperation.DELETE
                ? CanonicalRecord.delete(context.callerDepartment(), in.sourceSystem(), in.sourceRecordId(), in.kind())
                : canonical(in, operation, context.callerDepartment(), actDate);
        return new RecordCheck(index, line, in.sourceRecordId(), record, List.of(), List.copyOf(checks.warnings));
    }

    private CanonicalRecord canonical(RecordInput in, RecordOperation operation, String department, LocalDate actDate) {
        RecordInput.SubjectRef subject = in.subject();
        String subjectIdHash = null;
        String subjectCreditCode = null;
        if (subject != null) {
            if (subject.type() == SubjectType.NATURAL_PERSON) {
                subjectIdHash = personalData.hashIdNumber(subject.idNumber());
                subject = new RecordInput.SubjectRef(
                        subject.type(), subject.name(), null, null, PersonalData.maskIdNumber(subject.idNumber()));
            } else {
                subjectCreditCode = subject.creditCode();
                subject = new RecordInput.SubjectRef(subject.type(), subject.name(), subject.creditCode(), null, null);
            }
        }
        RecordInput.Complaint complaint = in.complaint();
        if (complaint != null && complaint.complainantPhone() != null) {
            complaint = new RecordInput.Complaint(
                    complaint.complaintNumber(),
                    complaint.complaintType(),
                    complaint.channel(),
                    complaint.receivedDate(),
                    complaint.anonymous(),
                    complaint.complainantName(),
                    null,
                    PersonalData.maskPhone(complaint.complainantPhone()),
                    complaint.detail(),
                    complaint.handlingResult(),
                    complaint.closedDate());
        }
        // The operation is the envelope's, not the record's: INSERT and UPDATE of the same content are the same.
        RecordInput body = new RecordInput(
                null,
                in.kind(),
                in.sourceSystem(),
                in.sourceRecordId(),
                department,
                in.itemCode(),
                in.implementationListCode(),
                in.implementingBody(),
                subject,
                in.regionCode(),
                in.officers() == null ? List.of() : in.officers(),
                in.reportedAt(),
                in.reporter(),
                in.inspection(),
                in.penalty(),
                in.enforcement(),
                in.other(),
                complaint);
        String json = write(body);
        boolean disclosable =
                (in.kind() == RecordKind.INSPECTION || in.kind() == RecordKind.PENALTY) && subjectCreditCode != null;
        return new CanonicalRecord(
                operation,
                department,
                in.sourceSystem(),
                in.sourceRecordId(),
                in.kind(),
                in.itemCode(),
                in.regionCode(),
                subjectCreditCode,
                subjectIdHash,
                actDate,
                in.reportedAt(),
                disclosable,
                json,
                Hashes.sha256Hex(json));
    }

    private static ClaimedItem checkItem(
            Checks checks, RecordInput in, Optional<DepartmentClaims> claims, Context context) {
        if (!checkItemCode(checks, in)) {
            return null;
        }
        String code = in.itemCode();
        ClaimedItem item = claims.map(d -> d.items().get(code)).orElse(null);
        if (item == null) {
            if (context.existingItems().contains(code)) {
                checks.error("itemCode", "ITEM_NOT_CLAIMED", "item " + code + " is not claimed by the department");
            } else {
                checks.error("itemCode", "ITEM_NOT_FOUND", "no catalog item " + code);
            }
            return null;
        }
        if (item.status() != ItemStatus.IN_USE) {
            checks.error("itemCode", "ITEM_NOT_IN_USE", "item " + code + " is " + item.status());
        }
        if (in.kind() != RecordKind.COMPLAINT && item.type() != in.kind().itemType()) {
            checks.error(
                    "itemCode",
                    "ITEM_KIND_MISMATCH",
                    item.type() == null
                            ? "item " + code + " is a main item (主项); records are filed under its typed sub-items"
                            : "item " + code + " is of type " + item.type() + ", not " + in.kind());
        }
        return item;
    }

    /** The item code is there (complaints may go without) and well-formed; false when there is none to look up. */
    private static boolean checkItemCode(Checks checks, RecordInput in) {
        String code = in.itemCode();
        if (code == null) {
            if (in.kind() != RecordKind.COMPLAINT) {
                checks.error("itemCode", "REQUIRED", "itemCode is required");
            }
            return false;
        }
        Optional<CodeViolation> violation = ItemCodes.check(code);
        if (violation.isPresent()) {
            checks.error("itemCode", violation.get());
            return false;
        }
        return true;
    }

    private static void checkDetailBlocks(Checks checks, RecordInput in) {
        Object[] blocks = {in.inspection(), in.penalty(), in.enforcement(), in.other(), in.complaint()};
        String[] names = {"inspection", "penalty", "enforcement", "other", "complaint"};
        for (int i = 0; i < blocks.length; i++) {
            boolean expected = RecordKind.values()[i] == in.kind();
            if (expected && blocks[i] == null) {
                checks.error(names[i], "REQUIRED", "a " + in.kind() + " record carries its '" + names[i] + "' block");
            } else if (!expected && blocks[i] != null) {
                checks.error(
                        names[i],
                        "DETAIL_NOT_ALLOWED",
                        "a " + in.kind() + " record carries no '" + names[i] + "' block");
            }
        }
    }

    private static void checkImplementingBody(Checks checks, RecordInput.Body body) {
        if (body == null) {
            checks.error("implementingBody", "REQUIRED", "implementingBody is required");
            return;
        }
        checkText(checks, "implementingBody.name", body.name(), SHORT_TEXT, true);
        if (require(checks, "implementingBody.creditCode", body.creditCode())) {
            CreditCodes.check(body.creditCode()).ifPresent(v -> checks.error("implementingBody.creditCode", v));
        }
    }

    private static void checkSubject(Checks checks, RecordInput in) {
        RecordInput.SubjectRef subject = in.subject();
        if (subject == null) {
            if (in.kind() != RecordKind.COMPLAINT) {
                checks.error("subject", "REQUIRED", "subject is required");
            }
            return;
        }
        if (subject.type() == null) {
            checks.error("subject.type", "REQUIRED", "subject.type is required");
        }
        checkText(checks, "subject.name", subject.name(), 300, true);
        if (subject.idNumberMasked() != null) {
            checks.error("subject.idNumberMasked", "READ_ONLY", "idNumberMasked is set by the hub");
        }
        if (subject.type() == SubjectType.NATURAL_PERSON) {
            if (subject.creditCode() != null) {
                checks.error("subject.creditCode", "NOT_ALLOWED", "a natural person is identified by idNumber");
            }
            if (require(checks, "subject.idNumber", subject.idNumber())) {
                IdNumbers.check(subject.idNumber()).ifPresent(v -> checks.error("subject.idNumber", v));
            }
        } else if (subject.type() != null) {
            if (subject.idNumber() != null) {
                checks.error("subject.idNumber", "NOT_ALLOWED", "an organisation is identified by creditCode");
            }
            if (require(checks, "subject.creditCode", subject.creditCode())) {
                CreditCodes.check(subject.creditCode()).ifPresent(v -> checks.error("subject.creditCode", v));
            }
        }
    }

    private static void checkRegion(Checks checks, String region, Optional<DepartmentClaims> claims) {
        if (!require(checks, "regionCode", region)) {
            return;
        }
        Optional<CodeViolation> violation = RegionCodes.check(region);
        if (violation.isPresent()) {
            checks.error("regionCode", violation.get());
        } else if (claims.isPresent() && !RegionCodes.contains(claims.get().regionCode(), region)) {
            checks.error(
                    "regionCode",
                    "REGION_OUT_OF_SCOPE",
                    "region " + region + " is outside the department's region "
                            + claims.get().regionCode());
        }
    }

    private static LocalDate checkInspection(Checks checks, RecordInput.Inspection inspection) {
        if (inspection == null) {
            return null;
        }
        checkText(checks, "inspection.randomPlanId", inspection.randomPlanId(), 64, false);
        checkText(checks, "inspection.actionName", inspection.actionName(), SHORT_TEXT, true);
        checkText(checks, "inspection.actionNumber", inspection.actionNumber(), 64, true);
        checkText(checks, "inspection.category", inspection.category(), SHORT_TEXT, false);
        checkText(checks, "inspection.method", inspection.method(), SHORT_TEXT, false);
        checkText(checks, "inspection.resultDescription", inspection.resultDescription(), LONG_TEXT, false);
        if (require(checks, "inspection.form", inspection.form())
                && !RecordCodes.INSPECTION_FORMS.contains(inspection.form())) {
            checks.error("inspection.form", "FORM_INVALID", "ON_SITE or OFF_SITE");
        }
        if (require(checks, "inspection.resultCode", inspection.resultCode())
                && !RecordCodes.INSPECTION_RESULTS.containsKey(inspection.resultCode())) {
            checks.error(
                    "inspection.resultCode",
                    "RESULT_CODE_INVALID",
                    "a 双随机 result code: 1, 6, 7, 8, 9, 10, 11, 12 or A-F");
        }
        require(checks, "inspection.checkDate", inspection.checkDate());
        return inspection.checkDate();
    }

    private static LocalDate checkPenalty(
            Checks checks, RecordInput.Penalty penalty, java.time.OffsetDateTime reported) {
        if (penalty == null) {
            return null;
        }
        checkText(checks, "penalty.actionName", penalty.actionName(), SHORT_TEXT, true);
        checkText(checks, "penalty.decisionNumber", penalty.decisionNumber(), 100, true);
        checkText(checks, "penalty.caseNumber", penalty.caseNumber(), 100, false);
        checkText(checks, "penalty.caseSource", penalty.caseSource(), SHORT_TEXT, false);
        checkText(checks, "penalty.linkedInspectionNumber", penalty.linkedInspectionNumber(), 64, false);
        checkText(checks, "penalty.illegalFacts", penalty.illegalFacts(), LONG_TEXT, false);
        checkText(checks, "penalty.legalBasis", penalty.legalBasis(), LONG_TEXT, false);
        checkText(checks, "penalty.legalReviewOpinion", penalty.legalReviewOpinion(), LONG_TEXT, false);
        checkText(
                checks,
                "penalty.collectiveDiscussionConclusion",
                penalty.collectiveDiscussionConclusion(),
                LONG_TEXT,
                false);
        checkText(checks, "penalty.closingMethod", penalty.closingMethod(), SHORT_TEXT, false);
        checkText(checks, "penalty.closingResult", penalty.closingResult(), LONG_TEXT, false);
        boolean simple = RecordCodes.SIMPLE_PROCEDURE.equals(penalty.procedure());
        if (require(checks, "penalty.procedure", penalty.procedure())
                && !RecordCodes.PENALTY_PROCEDURES.contains(penalty.procedure())) {
            checks.error("penalty.procedure", "PROCEDURE_INVALID", "01 (简易) or 02 (一般)");
        }
        if (!simple && penalty.procedure() != null) {
            require(checks, "penalty.filingDate", penalty.filingDate());
        }
        List<String> types = penalty.penaltyTypes();
        if (types == null || types.isEmpty()) {
            checks.error("penalty.penaltyTypes", "REQUIRED", "at least one penalty type");
        } else {
            for (int i = 0; i < types.size(); i++) {
                if (!RecordCodes.PENALTY_TYPES.containsKey(types.get(i))) {
                    checks.error(
                            "penalty.penaltyTypes[" + i + "]", "PENALTY_TYPE_INVALID", "a penalty type code 01-14");
                }
            }
            if (types.contains(RecordCodes.FINE) && penalty.fineAmount() == null) {
                checks.error("penalty.fineAmount", "FINE_AMOUNT_REQUIRED", "a fine (type 02) needs its amount");
            }
        }
        checkAmount(checks, "penalty.fineAmount", penalty.fineAmount());
        checkAmount(checks, "penalty.confiscationAmount", penalty.confiscationAmount());
        checkAmount(checks, "penalty.amountPaid", penalty.amountPaid());
        LocalDate filed = penalty.filingDate();
        LocalDate decided = penalty.decisionDate();
        require(checks, "penalty.decisionDate", decided);
        if (filed != null && decided != null) {
            if (decided.isBefore(filed)) {
                checks.error(
                        "penalty.decisionDate", "DECISION_BEFORE_FILING", "the decision cannot precede the filing");
            } else if (ChronoUnit.DAYS.between(filed, decided) > RecordCodes.DECISION_DEADLINE_DAYS) {
                checks.warning(
                        "penalty.decisionDate",
                        "DECISION_AFTER_90_DAYS",
                        "decided "
                                + ChronoUnit.DAYS.between(filed, decided) + " days after filing (行政处罚法 第六十条: 90 days "
                                + "unless extended with approval)");
            }
        }
        LocalDate closed = penalty.closingDate();
        if (closed != null) {
            LocalDate opened = filed != null ? filed : decided;
            if (opened != null && closed.isBefore(opened)) {
                checks.error(
                        "penalty.closingDate",
                        "CLOSING_BEFORE_FILING",
                        "the case cannot close before it was " + (filed != null ? "filed" : "decided"));
            }
            if (reported != null
                    && reported.atZoneSameInstant(WireTime.ZONE).toLocalDate().isBefore(closed)) {
                checks.error("reportedAt", "REPORT_BEFORE_CLOSING", "a closed case is reported after its closing date");
            }
        }
        return decided;
    }

    private static LocalDate checkEnforcement(Checks checks, RecordInput.Enforcement enforcement) {
        if (enforcement == null) {
            return null;
        }
        checkText(checks, "enforcement.decisionNumber", enforcement.decisionNumber(), 100, true);
        checkText(checks, "enforcement.basis", enforcement.basis(), LONG_TEXT, false);
        checkText(checks, "enforcement.result", enforcement.result(), LONG_TEXT, false);
        var measures =
                enforcement.category() == null ? null : RecordCodes.ENFORCEMENT_MEASURES.get(enforcement.category());
        if (require(checks, "enforcement.category", enforcement.category()) && measures == null) {
            checks.error("enforcement.category", "ENFORCEMENT_CATEGORY_INVALID", "MEASURE or EXECUTION");
        }
        if (require(checks, "enforcement.measure", enforcement.measure())
                && measures != null
                && !measures.containsKey(enforcement.measure())) {
            checks.error(
                    "enforcement.measure",
                    "MEASURE_INVALID",
                    "not a code of " + enforcement.category() + ": "
                            + String.join(", ", new java.util.TreeSet<>(measures.keySet())));
        }
        require(checks, "enforcement.startDate", enforcement.startDate());
        checkDateRange(checks, "enforcement.endDate", enforcement.startDate(), enforcement.endDate());
        return enforcement.startDate();
    }

    private static LocalDate checkOther(Checks checks, RecordInput.OtherAction other) {
        if (other == null) {
            return null;
        }
        checkText(checks, "other.actionName", other.actionName(), SHORT_TEXT, true);
        checkText(checks, "other.actionNumber", other.actionNumber(), 64, true);
        checkText(checks, "other.source", other.source(), SHORT_TEXT, false);
        checkText(checks, "other.measure", other.measure(), LONG_TEXT, false);
        checkText(checks, "other.closingResult", other.closingResult(), LONG_TEXT, false);
        require(checks, "other.startDate", other.startDate());
        checkDateRange(checks, "other.endDate", other.startDate(), other.endDate());
        return other.startDate();
    }

    private static LocalDate checkComplaint(Checks checks, RecordInput.Complaint complaint) {
        if (complaint == null) {
            return null;
        }
        checkText(checks, "complaint.complaintNumber", complaint.complaintNumber(), 64, true);
        checkText(checks, "complaint.channel", complaint.channel(), 32, false);
        checkText(checks, "complaint.detail", complaint.detail(), LONG_TEXT, true);
        checkText(checks, "complaint.handlingResult", complaint.handlingResult(), LONG_TEXT, false);
        checkText(checks, "complaint.complainantName", complaint.complainantName(), 100, false);
        if (require(checks, "complaint.complaintType", complaint.complaintType())
                && !RecordCodes.COMPLAINT_TYPES.contains(complaint.complaintType())) {
            checks.error("complaint.complaintType", "COMPLAINT_TYPE_INVALID", "COMPLAINT (投诉) or REPORT (举报)");
        }
        require(checks, "complaint.anonymous", complaint.anonymous());
        if (Boolean.TRUE.equals(complaint.anonymous())
                && (complaint.complainantName() != null || complaint.complainantPhone() != null)) {
            checks.error(
                    "complaint.anonymous",
                    "ANONYMOUS_WITH_CONTACT",
                    "an anonymous complaint carries no complainant name or phone");
        }
        if (complaint.complainantPhone() != null
                && !PHONE.matcher(complaint.complainantPhone()).matches()) {
            checks.error("complaint.complainantPhone", "PHONE_INVALID", "5-20 digits, '+', '-' or spaces");
        }
        if (complaint.complainantPhoneMasked() != null) {
            checks.error("complaint.complainantPhoneMasked", "READ_ONLY", "complainantPhoneMasked is set by the hub");
        }
        require(checks, "complaint.receivedDate", complaint.receivedDate());
        checkDateRange(checks, "complaint.closedDate", complaint.receivedDate(), complaint.closedDate());
        return complaint.receivedDate();
    }

    private static void checkReportTime(Checks checks, RecordInput in, LocalDate actDate, Context context) {
        if (actDate != null && actDate.isAfter(context.today())) {
            checks.error(actDateField(in.kind()), "ACT_DATE_IN_FUTURE", "the act cannot lie in the future");
        }
        if (!require(checks, "reportedAt", in.reportedAt())) {
            return;
        }
        if (in.reportedAt().toInstant().isAfter(context.now().plus(CLOCK_SKEW))) {
            checks.error("reportedAt", "REPORTED_IN_FUTURE", "the report time lies in the future");
        }
        if (actDate != null
                && in.reportedAt()
                        .atZoneSameInstant(WireTime.ZONE)
                        .toLocalDate()
                        .isBefore(actDate)) {
            checks.error(
                    "reportedAt",
                    "REPORT_BEFORE_ACT",
                    "a record is reported after the act (" + actDateField(in.kind()) + " " + actDate + ")");
        }
    }

    /** Each named officer's certificate, then the team, judged by the one team rule ({@link EnforcementTeam}). */
    private static void checkOfficers(Checks checks, RecordInput in, ClaimedItem item, LocalDate actDate) {
        List<RecordInput.OfficerRef> officers = in.officers() == null ? List.of() : in.officers();
        List<String> fields = new ArrayList<>();
        List<RecordInput.OfficerRef> named = new ArrayList<>();
        List<EnforcementTeam.Qualification> team = new ArrayList<>();
        for (int i = 0; i < officers.size(); i++) {
            RecordInput.OfficerRef officer = officers.get(i);
            String field = "officers[" + i + "]";
            if (officer == null) {
                checks.error(field, "REQUIRED", "an officer entry cannot be null");
                continue;
            }
            checkText(checks, field + ".name", officer.name(), 100, true);
            boolean complete = require(checks, field + ".issuer", officer.issuer())
                    & require(checks, field + ".certNo", officer.certNo());
            if (!complete) {
                continue;
            }
            CertificateFacts certificate = checks.snapshot.certificate(officer.issuer(), officer.certNo());
            fields.add(field + ".certNo");
            named.add(officer);
            team.add(
                    certificate == null
                            ? null
                            : new EnforcementTeam.Qualification(
                                    certificate.officerId(),
                                    certificate.status(),
                                    certificate.validFrom(),
                                    certificate.validTo(),
                                    certificate.categories()));
        }
        String sector = item == null ? null : item.sectorCode();
        EnforcementTeam.Verdict verdict = EnforcementTeam.judge(in.kind().itemType(), sector, actDate, team);
        for (int i = 0; i < team.size(); i++) {
            for (ErrorCode problem : verdict.members().get(i)) {
                checks.error(
                        fields.get(i),
                        problem,
                        certificateMessage(problem, named.get(i), team.get(i), sector, actDate));
            }
        }
        for (ErrorCode problem : verdict.teamProblems()) {
            checks.error(
                    "officers",
                    problem,
                    "a " + in.kind() + " needs at least " + verdict.requiredOfficers()
                            + " officers with valid certificates; " + verdict.validOfficers() + " found");
        }
    }

    private static String certificateMessage(
            ErrorCode problem,
            RecordInput.OfficerRef officer,
            EnforcementTeam.Qualification certificate,
            String sector,
            LocalDate actDate) {
        String certNo = officer.certNo();
        return switch (problem) {
            case CERTIFICATE_NOT_FOUND -> "no certificate " + certNo + " of issuer " + officer.issuer();
            case CERTIFICATE_EXPIRED ->
                "certificate " + certNo + " expired on " + certificate.validTo() + ", before the act on " + actDate;
            case CERTIFICATE_NOT_YET_VALID ->
                "certificate " + certNo + " is valid from " + certificate.validFrom() + ", after the act on " + actDate;
            case CERTIFICATE_CATEGORY_NOT_COVERED ->
                "certificate " + certNo + " does not cover the item's enforcement category " + sector;
            default -> "certificate " + certNo + " is " + certificate.status();
        };
    }

    private static String actDateField(RecordKind kind) {
        return switch (kind) {
            case INSPECTION -> "inspection.checkDate";
            case PENALTY -> "penalty.decisionDate";
            case ENFORCEMENT -> "enforcement.startDate";
            case OTHER -> "other.startDate";
            case COMPLAINT -> "complaint.receivedDate";
        };
    }

    private static void checkAmount(Checks checks, String field, BigDecimal amount) {
        if (amount != null
                && (amount.signum() < 0
                        || amount.stripTrailingZeros().scale() > 2
                        || amount.compareTo(MAX_AMOUNT) >= 0)) {
            checks.error(field, "AMOUNT_INVALID", "a non-negative amount in yuan with at most two decimals");
        }
    }

    private static void checkDateRange(Checks checks, String endField, LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            checks.error(endField, "DATE_RANGE_INVALID", "the end cannot precede the start");
        }
    }

    private static boolean require(Checks checks, String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            checks.error(field, "REQUIRED", field + " is required");
            return false;
        }
        return true;
    }

    private static void checkText(Checks checks, String field, String value, int max, boolean required) {
        if (required && !require(checks, field, value)) {
            return;
        }
        if (value != null && value.length() > max) {
            checks.error(field, "LENGTH_OUT_OF_RANGE", "at most " + max + " characters");
        }
    }

    private String write(RecordInput body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a record", e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? "'" + value.substring(0, 40) + "…'" : "'" + value + "'";
    }

    /** The errors and warnings collected for one record. */
    private static final class Checks {
        private final List<FieldError> errors = new ArrayList<>();
        private final List<FieldError> warnings = new ArrayList<>();
        private final ReferenceData.Snapshot snapshot;

        Checks(ReferenceData.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        void error(String field, String code, String message) {
            errors.add(new FieldError(field, code, message));
        }

        void error(String field, ErrorCode code, String message) {
            errors.add(new FieldError(field, code, message));
        }

        void error(String field, CodeViolation violation) {
            errors.add(new FieldError(field, violation.code(), violation.message()));
        }

        void warning(String field, String code, String message) {
            warnings.add(new FieldError(field, code, message));
        }

        boolean hasErrors() {
            return !errors.isEmpty();
        }

        RecordCheck rejected(int index, Integer line, String sourceRecordId) {
            return RecordCheck.rejected(index, line, sourceRecordId, errors);
        }
    }
}
