import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export default function Index() {
  return (
    <>
      <h1>Convene</h1>
      <p>Expert meetings for international organisations: agendas, registration, recommendations and follow-up.</p>
      <ul>
        <li>
          <Link to="/meetings">Browse meetings</Link>
        </li>
        <li>
          <Link to="/series">Meeting series</Link>
        </li>
      </ul>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Convene" }];
