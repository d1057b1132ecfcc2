<#-- The NOTICE of jit-java, written by license-maven-plugin (add-third-party) from jit-cli's dependencies:
     licenseMap holds each license (merged to SPDX ids by licenseMerges in jit-cli/pom.xml) with the
     projects under it. No line may start with "//": the shade plugin's notice transformer drops those. -->
<#assign texts = {
    "Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "BSD-3-Clause": "https://opensource.org/license/bsd-3-clause",
    "EPL-2.0": "https://www.eclipse.org/legal/epl-2.0/",
    "MIT": "https://opensource.org/license/mit"}>
<#function coordinates p>
    <#return p.groupId + ":" + p.artifactId + ":" + p.version>
</#function>
jit-java
Copyright 2026 The jit-java maintainers

jit-java is licensed under the Apache License, Version 2.0 (the LICENSE file).

The jit command's jar (jit-cli/target/jit.jar) bundles jit-core and the
following ${dependencyMap?size} libraries, each under its own license, as its POM declares it:
<#list licenseMap as e>
<#if e.getValue()?size gt 0>

${e.getKey()}<#if texts[e.getKey()]??> (${texts[e.getKey()]})</#if>:
<#list e.getValue() as p>
  * ${p.name!p.artifactId} (${coordinates(p)})<#if p.url??> ${p.url}</#if>
</#list>
</#if>
</#list>

This file is generated: mvn -B verify writes it to
jit-cli/target/generated-sources/license/META-INF/NOTICE.txt, and NoticeTest
fails until that copy and this one agree.
