package api

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// Offered is what the caller may do to a resource now. The answers of
// projects, milestones, evidence, publications, enrollments and cohorts
// carry it; the domain computes it from the policy and the state machines,
// and clients show their buttons and forms from it alone.
type Offered struct {
	Actions        []OperationID   `json:"actions" doc:"The operations (by operationId) you may perform on it now."`
	RefusedActions []RefusedAction `json:"refusedActions" doc:"Operations your part in it allows but its state refuses now, each with the code of the problem the operation would answer."`
}

// OperationID names an operation of this API by its operationId.
type OperationID string

// Schema lists the operations that resources offer.
func (OperationID) Schema(huma.Registry) *huma.Schema {
	s := &huma.Schema{Type: huma.TypeString, Description: "An operation's operationId."}
	for _, op := range domain.OfferedOperations() {
		s.Enum = append(s.Enum, string(op))
	}
	return s
}

// RefusedAction is an operation refused by the state of a resource, and why.
type RefusedAction struct {
	Action OperationID    `json:"action" doc:"The refused operation."`
	Code   domain.Code    `json:"code" doc:"Why, as the code of the problem the operation would answer (see ErrorModel)." example:"milestone.needs_evidence"`
	Params map[string]any `json:"params,omitempty" doc:"The values the code's wording names. A seminar or decision names the one variant of the operation that is refused, when the operation stays allowed for the other (record-assessment for the final seminar, verify-milestone to approve)."`
}

// offered is the answer's form of an offer.
func offered(o domain.Offer) Offered {
	out := Offered{Actions: make([]OperationID, len(o.Allowed)), RefusedActions: make([]RefusedAction, len(o.Refused))}
	for i, op := range o.Allowed {
		out.Actions[i] = OperationID(op)
	}
	for i, r := range o.Refused {
		out.RefusedActions[i] = RefusedAction{Action: OperationID(r.Operation), Code: r.Code, Params: r.Params}
	}
	return out
}
