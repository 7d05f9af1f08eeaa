package persistence_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

// The migration seeds LAN's templates; the domain knows the same values
// (a store without the rows falls back to them): the two must agree.
func TestTheSeededLANTemplatesAreTheDomainsOwn(t *testing.T) {
	t.Parallel()
	store := persistence.NewStore(pgtest.DB(t))
	for _, want := range domain.LANTemplates() {
		got, err := store.ProgramTemplates().Get(context.Background(), want.ID)
		if err != nil {
			t.Fatalf("%s: %v", want.Program, err)
		}
		got.CreatedAt, got.UpdatedAt = want.CreatedAt, want.UpdatedAt
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: seeded\n%+v\nbut the domain says\n%+v", want.Program, got, want)
		}
	}
	list, err := store.ProgramTemplates().List(context.Background(), nil, false)
	if err != nil || len(list) != 4 || !list[0].Shipped() {
		t.Fatalf("an institution-less list: %d templates, %v; want LAN's four", len(list), err)
	}
}
