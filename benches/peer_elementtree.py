"""The same insert done the generic way, for comparison: Python's ElementTree
parses the whole metabase, inserts the Custom element in ID order under
/LM/SmtpSvc, and writes the whole file back. Usage: peer_elementtree.py IN OUT"""
import sys
import xml.etree.ElementTree as ET

NS = "urn:microsoft-catalog:XML_Metabase_V64_0"
ET.register_namespace("", NS)
tree = ET.parse(sys.argv[1])
prop = tree.getroot().find("{%s}MBProperty" % NS)
for key in prop:
    if key.get("Location", "").lower() == "/lm/smtpsvc":
        customs = [c for c in key if c.tag == "{%s}Custom" % NS]
        new = ET.Element("{%s}Custom" % NS, {"Name": "SmtpUseTcpDns", "ID": "36997", "Value": "2", "Type": "DWORD",
                                            "UserType": "IIS_MD_UT_SERVER", "Attributes": "INHERIT"})
        at = next((list(key).index(c) for c in customs if int(c.get("ID")) > 36997), len(key))
        key.insert(at, new)
        break
tree.write(sys.argv[2], xml_declaration=True, encoding="utf-8")
