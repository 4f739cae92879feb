package io.towerline.mikrotik.connection;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.Reply;
import org.jspecify.annotations.Nullable;

/**
 * How a submitted command ended: exactly one of {@code reply} and {@code error} is set.
 */
public record CommandResult(Command command, @Nullable Reply reply, @Nullable RouterException error) {

}
