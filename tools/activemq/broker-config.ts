// The broker configuration catkit owns: everything in one temp dir, every connector on loopback,
// no web console, no JMX. Written fresh for each broker so tests never share state.

/** Ports and directories of one broker instance. */
export interface BrokerLayout {
  dataDir: string;
  stompPort: number;
  openwirePort: number;
  /**
   * KahaDB fsyncs its journal before confirming a persistent message (default true). Benchmarks
   * turn it off so that they measure the client, not the disk: with a RECEIPT on every SEND,
   * ActiveMQ handles a connection's sends one by one, each waiting for its fsync.
   */
  journalDiskSyncs?: boolean;
}

/**
 * Renders activemq.xml (Spring XML read by `xbean:file:`).
 *
 * @example
 * ```ts
 * writeFileSync(join(dir, "activemq.xml"), renderBrokerXml({ dataDir, stompPort: 61613, openwirePort: 61616 }));
 * ```
 */
export function renderBrokerXml({ dataDir, stompPort, openwirePort, journalDiskSyncs = true }: BrokerLayout): string {
  return `<beans xmlns="http://www.springframework.org/schema/beans"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd
    http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
  <broker xmlns="http://activemq.apache.org/schema/core" brokerName="catkit-test" useJmx="false"
          dataDirectory="${dataDir}" schedulerSupport="false" advisorySupport="false">
    <persistenceAdapter>
      <kahaDB directory="${dataDir}/kahadb" enableJournalDiskSyncs="${journalDiskSyncs}"/>
    </persistenceAdapter>
    <systemUsage>
      <systemUsage>
        <memoryUsage><memoryUsage limit="64 mb"/></memoryUsage>
        <storeUsage><storeUsage limit="1 gb"/></storeUsage>
        <tempUsage><tempUsage limit="256 mb"/></tempUsage>
      </systemUsage>
    </systemUsage>
    <transportConnectors>
      <transportConnector name="openwire" uri="tcp://127.0.0.1:${openwirePort}"/>
      <transportConnector name="stomp" uri="stomp://127.0.0.1:${stompPort}"/>
    </transportConnectors>
  </broker>
</beans>
`;
}

/** log4j 1.x settings: everything to the console, which start.ts sends to broker.log. */
export const LOG4J_PROPERTIES = `log4j.rootLogger=INFO, out
log4j.logger.org.springframework=WARN
log4j.logger.org.apache.xbean=WARN
log4j.appender.out=org.apache.log4j.ConsoleAppender
log4j.appender.out.layout=org.apache.log4j.PatternLayout
log4j.appender.out.layout.ConversionPattern=%d{ISO8601} %-5p %c{1} - %m%n
`;
