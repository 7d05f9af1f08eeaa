package backup

import (
	"strings"
	"testing"
)

func TestARestoreWritesNoFileOutsideTheBlobFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"../outside", "a/../../outside", "/etc/outside"} {
		if err := restoreBlob(dir, name, strings.NewReader("x")); err == nil {
			t.Errorf("restoreBlob accepted %q", name)
		}
	}
	if err := restoreBlob(dir, "evidence/0b9a3c1e", strings.NewReader("bukti")); err != nil {
		t.Fatalf("a file inside the folder: %v", err)
	}
}
