package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("where the public data sets are looked for")
class SharedDataTest {

  @Test
  @DisplayName("beside the clone, one level up, then the machine's /work/shared/data for a clone anywhere")
  void candidatesInOrder() {
    assertEquals(List.of(Path.of("../shared/data"), Path.of("../../shared/data"), Path.of("/work/shared/data")),
        SharedData.candidates());
  }

  @Test
  @DisplayName("a folder given with --data is used as given")
  void explicitFolderWins() {
    assertEquals(Optional.of(Path.of("/elsewhere/data")), SharedData.locate("/elsewhere/data"));
  }
}
