# python-icat's way to fetch a datafile, as its documentation and scripts do it: IDSClient.getData
# and shutil.copyfileobj into a file. Run by run.ts with Debian's python3 (+ python3-suds,
# python3-packaging) and python-icat's source on PYTHONPATH; prints {"seconds": ...}.
import json
import shutil
import sys
import time

from icat.ids import DataSelection, IDSClient

url, session_id, datafile_id, destination = sys.argv[1:5]
client = IDSClient(url, sessionId=session_id)
started = time.perf_counter()
response = client.getData(DataSelection({"datafileIds": [int(datafile_id)]}))
with open(destination, "wb") as out:
    shutil.copyfileobj(response, out)
print(json.dumps({"seconds": time.perf_counter() - started}))
