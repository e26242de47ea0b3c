package org.itera.generator.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.task.TaskValidator;

/** The task validator: every setting of the registry, with the subjects of its teams. */
public class ValidatorBeans {

    @Produces
    @Singleton
    TaskValidator validator(SettingRegistry settings) {
        return new TaskValidator(settings);
    }
}
