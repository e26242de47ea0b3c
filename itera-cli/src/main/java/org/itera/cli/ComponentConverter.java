package org.itera.cli;

import org.itera.cli.stack.Component;
import picocli.CommandLine;

/** A part of the local stack by its name: kafka, mongo, model-server, generator-service, ... */
final class ComponentConverter implements CommandLine.ITypeConverter<Component> {

    @Override
    public Component convert(String value) {
        try {
            return Component.byLabel(value.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage() + " (one of "
                    + java.util.Arrays.stream(Component.values()).map(Component::label).toList() + ")");
        }
    }
}
