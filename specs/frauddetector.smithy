$version: "2.0"

// Amazon Fraud Detector: SendEvent and GetEventPrediction, written by the anvil team from the
// service's API reference. Constraints match what the service enforces. Our own rules that
// Smithy's prelude cannot express use the traits in anvil-traits.smithy beside this file.

namespace com.amazonaws.frauddetector

use anvil.traits#iso8601Utc
use anvil.traits#requiredTogether
use aws.api#service
use aws.auth#sigv4
use aws.protocols#awsJson1_1

/// Amazon Fraud Detector detects potentially fraudulent online activity. This client covers
/// sending events (SendEvent) and evaluating them (GetEventPrediction).
@service(sdkId: "FraudDetector", endpointPrefix: "frauddetector", arnNamespace: "frauddetector")
@sigv4(name: "frauddetector")
@awsJson1_1
@title("Amazon Fraud Detector")
service AWSHawksNestServiceFacade {
    version: "2019-11-15"
    operations: [GetEventPrediction, SendEvent]
}

// --- SendEvent ---------------------------------------------------------------------------------

/// Stores events in Amazon Fraud Detector without generating fraud predictions for those events.
/// For example, you can use `SendEvent` to upload a historical dataset, which you can then later
/// use to train a model.
operation SendEvent {
    input: SendEventRequest
    output: SendEventResult
    errors: [
        AccessDeniedException
        ConflictException
        InternalServerException
        ResourceNotFoundException
        ThrottlingException
        ValidationException
    ]
}

@input
@requiredTogether([["assignedLabel", "labelTimestamp"]])
structure SendEventRequest {
    /// The event ID to upload.
    @required
    eventId: identifier

    /// The event type name of the event.
    @required
    eventTypeName: identifier

    /// The timestamp that defines when the event under evaluation occurred. The timestamp must be
    /// specified using ISO 8601 standard in UTC.
    @required
    eventTimestamp: utcTimestampISO8601

    /// Names of the event type's variables you defined in Amazon Fraud Detector to represent data
    /// elements and their corresponding values for the event you are sending for evaluation.
    @required
    eventVariables: EventVariableMap

    /// The label to associate with the event. Required if specifying `labelTimestamp`.
    assignedLabel: identifier

    /// The timestamp associated with the label. Required if specifying `assignedLabel`.
    labelTimestamp: utcTimestampISO8601

    /// An array of entities.
    @required
    entities: listOfEntities
}

/// SendEvent returns an empty response on success (HTTP 200).
@output
structure SendEventResult {}

// --- GetEventPrediction ------------------------------------------------------------------------

/// Evaluates an event against a detector version. If a version ID is not provided, the detector's
/// (`ACTIVE`) version is used.
operation GetEventPrediction {
    input: GetEventPredictionRequest
    output: GetEventPredictionResult
    errors: [
        AccessDeniedException
        ConflictException
        InternalServerException
        ResourceNotFoundException
        ResourceUnavailableException
        ThrottlingException
        ValidationException
    ]
}

@input
structure GetEventPredictionRequest {
    /// The detector ID.
    @required
    detectorId: string

    /// The detector version ID.
    detectorVersionId: wholeNumberVersionString

    /// The unique ID used to identify the event.
    @required
    eventId: string

    /// The event type associated with the detector specified for the prediction.
    @required
    eventTypeName: string

    /// The entity type (associated with the detector's event type) and specific entity ID
    /// representing who performed the event. If an entity id is not available, use "UNKNOWN."
    @required
    entities: listOfEntities

    /// Timestamp that defines when the event under evaluation occurred. The timestamp must be
    /// specified using ISO 8601 standard in UTC.
    @required
    eventTimestamp: utcTimestampISO8601

    /// <p>Names of the event type's variables you defined in Amazon Fraud Detector to represent
    /// data elements and their corresponding values for the event you are sending for
    /// evaluation.</p><important><p>You must provide at least one eventVariable.</p></important>
    /// <p>To ensure the most accurate fraud prediction and to simplify your data preparation,
    /// Amazon Fraud Detector replaces missing variables or values as follows.</p>
    /// <p>For Amazon Fraud Detector trained models: if a null value is provided explicitly for a
    /// variable or if a variable is missing, the model replaces it with calculated default
    /// mean/medians for numeric variables and with special values for categorical variables.</p>
    /// <p>For imported SageMaker models: if a null value is provided explicitly for a variable, the
    /// model and rules use "null" as the value. If a variable is not provided (no variable name in
    /// the eventVariables map), model and rules use the default value that is provided for the
    /// variable.</p>
    @required
    eventVariables: EventVariableMap

    /// The Amazon SageMaker model endpoint input data blobs.
    externalModelEndpointDataBlobs: ExternalModelEndpointDataBlobMap
}

@output
structure GetEventPredictionResult {
    /// The model scores. Amazon Fraud Detector generates model scores between 0 and 1000, where 0
    /// is low fraud risk and 1000 is high fraud risk. Model scores are directly related to the
    /// false positive rate (FPR). For example, a score of 600 corresponds to an estimated 10% false
    /// positive rate whereas a score of 900 corresponds to an estimated 2% false positive rate.
    modelScores: ListOfModelScores

    /// The results from the rules.
    ruleResults: ListOfRuleResults

    /// The model scores for Amazon SageMaker models.
    externalModelOutputs: ListOfExternalModelOutputs
}

// --- Events and entities -----------------------------------------------------------------------

@length(min: 1, max: 64)
@pattern("^[0-9a-z_-]+$")
string identifier

/// A timestamp in ISO 8601 format, in UTC (for example `2019-11-15T18:25:43Z`).
@length(min: 10, max: 30)
@iso8601Utc
string utcTimestampISO8601

@length(min: 1)
map EventVariableMap {
    key: variableName
    value: variableValue
}

@length(min: 1, max: 64)
string variableName

@sensitive
@length(min: 1, max: 8192)
string variableValue

list listOfEntities {
    member: Entity
}

/// The entity details.
@sensitive
structure Entity {
    /// The entity type.
    @required
    entityType: string

    /// The entity ID. If you do not know the `entityId`, you can pass `unknown`, which is a
    /// reserved string literal.
    @required
    entityId: entityRestrictedString
}

@length(min: 1, max: 256)
@pattern("^[0-9A-Za-z_.@+-]+$")
string entityRestrictedString

@length(min: 1, max: 5)
@pattern("^([1-9][0-9]*)$")
string wholeNumberVersionString

@sensitive
map ExternalModelEndpointDataBlobMap {
    key: sageMakerEndpointIdentifier
    value: ModelEndpointDataBlob
}

@length(min: 1, max: 63)
@pattern("^[0-9A-Za-z_-]+$")
string sageMakerEndpointIdentifier

/// A pre-formed Amazon SageMaker model input you can include if your detector version includes an
/// imported Amazon SageMaker model endpoint with pass-through input configuration.
structure ModelEndpointDataBlob {
    /// The byte buffer of the Amazon SageMaker model endpoint input data blob.
    byteBuffer: blob

    /// The content type of the Amazon SageMaker model endpoint input data blob.
    contentType: contentType
}

blob blob

@length(min: 1, max: 1024)
string contentType

string string

// --- Prediction results ------------------------------------------------------------------------

list ListOfModelScores {
    member: ModelScores
}

/// The fraud prediction scores.
structure ModelScores {
    /// The model version.
    modelVersion: ModelVersion

    /// The model's fraud prediction scores.
    scores: ModelPredictionMap
}

/// The model version.
structure ModelVersion {
    /// The model ID.
    @required
    modelId: modelIdentifier

    /// The model type.
    @required
    modelType: ModelTypeEnum

    /// The model version number.
    @required
    modelVersionNumber: floatVersionString

    /// The model version ARN.
    arn: fraudDetectorArn
}

@length(min: 1, max: 64)
@pattern("^[0-9a-z_]+$")
string modelIdentifier

enum ModelTypeEnum {
    ONLINE_FRAUD_INSIGHTS
    TRANSACTION_FRAUD_INSIGHTS
    ACCOUNT_TAKEOVER_INSIGHTS
}

@length(min: 3, max: 7)
@pattern("^[1-9][0-9]{0,3}\\.[0-9]{1,2}$")
string floatVersionString

@length(min: 1, max: 256)
@pattern("^arn\\:aws[a-z-]{0,15}\\:frauddetector\\:[a-z0-9-]{3,20}\\:[0-9]{12}\\:[^\\s]{2,128}$")
string fraudDetectorArn

map ModelPredictionMap {
    key: string
    value: float
}

float float

list ListOfRuleResults {
    member: RuleResult
}

/// The rule results.
structure RuleResult {
    /// The rule ID that was matched, based on the rule execution mode.
    ruleId: string

    /// The outcomes of the matched rule, based on the rule execution mode.
    outcomes: ListOfStrings
}

list ListOfStrings {
    member: string
}

list ListOfExternalModelOutputs {
    member: ExternalModelOutputs
}

/// The fraud prediction scores from Amazon SageMaker model.
structure ExternalModelOutputs {
    /// The Amazon SageMaker model.
    externalModel: ExternalModelSummary

    /// The fraud prediction scores from Amazon SageMaker model.
    outputs: ExternalModelPredictionMap
}

/// The Amazon SageMaker model.
structure ExternalModelSummary {
    /// The endpoint of the Amazon SageMaker model.
    modelEndpoint: string

    /// The source of the model.
    modelSource: ModelSource
}

enum ModelSource {
    SAGEMAKER
}

map ExternalModelPredictionMap {
    key: string
    value: string
}

// --- Errors ------------------------------------------------------------------------------------

/// An exception indicating Amazon Fraud Detector does not have the needed permissions. This can
/// occur if you submit a request, such as `PutExternalModel`, that specifies a role that is not in
/// your account.
@error("client")
@httpError(403)
structure AccessDeniedException {
    @required
    message: string
}

/// An exception indicating there was a conflict during a delete operation.
@error("client")
@httpError(409)
structure ConflictException {
    @required
    message: string
}

/// An exception indicating an internal server error.
@error("server")
@httpError(500)
structure InternalServerException {
    @required
    message: string
}

/// An exception indicating the specified resource was not found.
@error("client")
@httpError(404)
structure ResourceNotFoundException {
    @required
    message: string
}

/// An exception indicating that the attached customer-owned (external) model threw an exception
/// when Amazon Fraud Detector invoked the model.
@error("client")
@httpError(409)
structure ResourceUnavailableException {
    message: string
}

/// An exception indicating a throttling error.
@error("client")
@httpError(429)
structure ThrottlingException {
    @required
    message: string
}

/// An exception indicating a specified value is not allowed.
@error("client")
@httpError(400)
structure ValidationException {
    @required
    message: string
}
