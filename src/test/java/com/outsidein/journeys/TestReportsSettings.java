package com.outsidein.journeys;

import java.lang.reflect.Proxy;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import com.outsidein.journeys.report.ReportsConfig;

import io.smallrye.config.SmallRyeConfig;

/**
 * The configured report settings, except that a test may set how many partitions a scan uses, so one
 * run compares parallelism 1 with 4 on the same rows instead of restarting the service per setting.
 */
@ApplicationScoped
public class TestReportsSettings {

    /** Partitions per scan while set; the configured value while null. */
    public static volatile Integer parallelism;

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    ReportsConfig reportsConfig() {
        ReportsConfig configured = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(ReportsConfig.class);
        return (ReportsConfig) Proxy.newProxyInstance(ReportsConfig.class.getClassLoader(),
                new Class<?>[] { ReportsConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("parallelism") && parallelism != null) {
                        return parallelism;
                    }
                    return method.invoke(configured, args);
                });
    }
}
